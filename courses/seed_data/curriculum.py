"""Starter curriculum for the peer support specialist LMS.

Pure data, no Django imports: management commands and fixtures elsewhere read ``DOMAINS`` and
``COURSES`` and turn them into Wagtail pages, modules, quizzes and exams.

Training hours are credited per module to one IC&RC Peer Recovery performance domain. Across the three
starter courses the totals are: ethical-responsibility 16, mentoring-education 10,
recovery-wellness-support 10, advocacy 6.5. ``estimated_minutes`` is reading time only; the credited
hours also cover the practice activities each module describes (role plays, written exercises,
discussion with a supervisor or study partner).

Rich text uses only <p>, <strong>, <em>, <ul>, <ol>, <li> and <a href>. Language is person-first and
recovery-oriented on purpose: trainees are people in recovery, and so are the people they will serve.
Legal content (HIPAA, 42 CFR Part 2, mandated reporting, duty to warn, Good Samaritan laws) is kept to
plain-language basics and always sends the learner to local rules and their supervisor.
"""

from decimal import Decimal

DOMAINS = [
    {
        "slug": "advocacy",
        "name": "Advocacy",
        "description": (
            "Standing with people in recovery and helping them speak for themselves: knowing their "
            "rights, using respectful person-first language, supporting multiple pathways to recovery, "
            "linking people to resources, and speaking up within systems so services stay "
            "person-centred."
        ),
    },
    {
        "slug": "mentoring-education",
        "name": "Mentoring and Education",
        "description": (
            "Building mutual, hopeful relationships and sharing knowledge: listening well, role-modelling "
            "recovery, sharing lived experience with purpose, and helping people learn the skills and "
            "information they need for the recovery they choose."
        ),
    },
    {
        "slug": "recovery-wellness-support",
        "name": "Recovery and Wellness Support",
        "description": (
            "Walking alongside people as they plan and build their recovery: supporting goals and "
            "wellness, recognising risk, responding to crises such as suicidal thoughts or overdose "
            "within the peer role, and connecting people to the right help at the right time."
        ),
    },
    {
        "slug": "ethical-responsibility",
        "name": "Ethical Responsibility",
        "description": (
            "Acting with integrity: following the code of ethics you sign, keeping healthy boundaries, "
            "protecting confidentiality, knowing the legal limits of privacy, working within the peer "
            "role, seeking supervision, and caring for your own recovery and wellbeing."
        ),
    },
]

# ---------------------------------------------------------------------------------------------------
# Course 1: Active listening and motivational conversation
# ---------------------------------------------------------------------------------------------------

ACTIVE_LISTENING = {
    "slug": "active-listening",
    "title": "Active listening and motivational conversation",
    "summary": (
        "Learn to listen so people feel truly heard, using the OARS skills and the spirit of motivational "
        "interviewing to help people find their own reasons and ways to change."
    ),
    "audience": (
        "New and aspiring peer support specialists with lived experience of recovery, starting their "
        "certification training."
    ),
    "estimated_hours": Decimal("13.0"),
    "ce_eligible": True,
    "domains": ["mentoring-education", "advocacy"],
    "prerequisites": [],
    "intro": (
        "<p>Welcome. If you are here, you probably already know how much it means when someone really "
        "listens to you. Many people in recovery can name the person who first listened without judging, "
        "lecturing or giving up on them. This course helps you become that person for someone else, on "
        "purpose and with skill.</p>"
        "<p>You will learn the four core skills of <strong>OARS</strong>: <strong>O</strong>pen questions, "
        "<strong>A</strong>ffirmations, <strong>R</strong>eflections and <strong>S</strong>ummaries. You "
        "will learn the spirit of <em>motivational interviewing</em>, how to hear and strengthen "
        "&ldquo;change talk&rdquo;, how to stay steady when a conversation gets tense, and how to share "
        "your own story in a way that helps the other person. The last module looks at respectful "
        "language and how listening supports people to speak up for themselves.</p>"
        "<p>Take your time. Each module has reading, a real-life scenario to think through, a short "
        "private reflection and a quiz. Each module also suggests a practice activity: these count toward "
        "your training hours, so please do them with a study partner, classmate or supervisor. There is "
        "no rush and no trick questions. You can come back to any page as often as you like.</p>"
    ),
    "modules": [
        # -------------------------------------------------------------------------------------------
        {
            "slug": "peer-relationship-mi-spirit",
            "title": "The peer relationship and the spirit of motivational interviewing",
            "estimated_minutes": 45,
            "training_hours": Decimal("2.5"),
            "domain": "mentoring-education",
            "body": [
                ("heading", "What makes peer support different"),
                (
                    "paragraph",
                    "<p>Doctors, nurses and counselors bring professional training. You bring something "
                    "different: you have been through recovery yourself. That shared experience is the "
                    "heart of peer support. The relationship is <strong>mutual</strong>. You are not the "
                    "expert on someone else&rsquo;s life, and you are not there to diagnose or treat. You "
                    "walk alongside a person, offer hope that recovery is possible, and help them find "
                    "their own way forward.</p>"
                    "<p>This also means you are not the person&rsquo;s counselor, sponsor, parent or "
                    "friend in the everyday sense. Those are all valuable roles, but they are different "
                    "jobs. Your most powerful tool is simpler than any of them: <strong>the way you "
                    "listen</strong>. When people feel heard, they relax, they think more clearly, and "
                    "they begin to trust that change might be possible for them too.</p>",
                ),
                ("heading", "The righting reflex"),
                (
                    "paragraph",
                    "<p>When we care about someone and see them struggling, most of us feel a strong urge "
                    "to fix the problem: to give advice, warn them, or tell them what worked for us. This "
                    "urge is called the <strong>righting reflex</strong>. It comes from a good place, but "
                    "it often backfires.</p>"
                    "<p>Think about your own experience. When someone pushed you to change before you "
                    "were ready, what did you do? Many of us argued back, even when part of us agreed. "
                    "When a person feels pushed, they tend to defend the other side, and every time they "
                    "say out loud why they can&rsquo;t or won&rsquo;t change, they become a little more "
                    "convinced of it. The opposite is also true: <strong>people are more likely to act on "
                    "reasons for change that they hear themselves say</strong>. Your job is to make room "
                    "for those reasons, not to supply them.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Notice the urge, then pause",
                        "text": "<p>You will still feel the righting reflex. Everyone does. The skill is to "
                        "notice it (&ldquo;I really want to tell him what to do right now&rdquo;) and "
                        "choose to ask or reflect instead. Sometimes a slow breath before you answer is "
                        "all it takes.</p>",
                    },
                ),
                ("heading", "The spirit of motivational interviewing"),
                (
                    "paragraph",
                    "<p><em>Motivational interviewing</em> (often shortened to MI) was developed by "
                    "William R. Miller and Stephen Rollnick. It is a way of talking with people that "
                    "strengthens their <em>own</em> motivation and commitment to change. Before learning "
                    "any technique, it helps to understand the attitude behind it, which is called the "
                    "<strong>spirit</strong> of MI. It has four parts:</p>"
                    "<ul>"
                    "<li><strong>Partnership.</strong> You work <em>with</em> the person, not on them. "
                    "They are the expert on their own life. You are two people thinking together.</li>"
                    "<li><strong>Acceptance.</strong> You respect the person&rsquo;s worth just as they "
                    "are, try hard to understand how things look from their side, honour their right to "
                    "make their own choices, and notice their strengths.</li>"
                    "<li><strong>Compassion.</strong> You actively want what is good for the person, and "
                    "you put their wellbeing ahead of your own agenda.</li>"
                    "<li><strong>Evocation.</strong> You draw out the person&rsquo;s own wisdom, values "
                    "and reasons for change, rather than installing yours. (Newer MI writing sometimes "
                    "calls this part <em>empowerment</em>: helping people see and use their own "
                    "strengths.)</li>"
                    "</ul>"
                    "<p>Acceptance does not mean you approve of everything a person does. You can accept "
                    "someone fully while still caring about their safety and being honest with them. "
                    "What acceptance rules out is judging, shaming or labelling.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Spirit before skills",
                        "text": "<p>The OARS skills in the next modules only work when they come from this "
                        "spirit. Used as tricks to steer someone where <em>you</em> want them to go, they "
                        "feel like manipulation, and people can tell. If you are ever unsure what to say, "
                        "come back to the spirit: am I partnering, accepting, caring and drawing out?</p>",
                    },
                ),
                ("heading", "Listening with your whole self"),
                (
                    "paragraph",
                    "<p>Active listening starts before you say a word. Put your phone away. Face the "
                    "person, keep your body relaxed and open, and make the kind of eye contact that feels "
                    "comfortable in their culture (for some people, steady eye contact feels warm; for "
                    "others, it feels intense). Small sounds and nods like &ldquo;mm-hm&rdquo; show you "
                    "are following. Let silences breathe: a pause often means the person is thinking, "
                    "and what comes next may be important.</p>"
                    "<p>On the phone or in a text chat, you lose body language, so your words carry more "
                    "of the load. Say what you notice (&ldquo;It sounds like today has been really "
                    "hard&rdquo;), check you have understood, and don&rsquo;t rush to fill quiet "
                    "moments.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "When safety comes first",
                        "text": "<p>If a person tells you they are thinking about ending their life, has "
                        "taken something and seems unwell, or is in danger, listening still matters, but "
                        "your agency&rsquo;s crisis procedure comes first. Call 911 in an emergency. The "
                        "<em>Crisis response</em> course covers this in detail.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Marcus is tired of being told what to do",
                        "situation": "<p>Marcus is 34 and three weeks into an outpatient program. He sits "
                        "down, crosses his arms and says: &ldquo;Everybody keeps telling me what to do. My "
                        "wife, my counselor, my probation officer. Now you, I guess. I&rsquo;m sick of "
                        "it.&rdquo;</p>",
                        "questions": "<ol>"
                        "<li>What might the righting reflex push you to say?</li>"
                        "<li>What could you say that shows partnership and acceptance?</li>"
                        "<li>What does Marcus seem to need from you that others may not be giving?</li>"
                        "</ol>",
                        "discussion": "<p>The righting reflex might push you to explain why everyone is "
                        "trying to help, or to tell Marcus he needs to cooperate. Both would probably make "
                        "him dig in. A response in the spirit of MI might be: &ldquo;It sounds exhausting, "
                        "having so many people telling you how to run your life. I&rsquo;m not here to "
                        "add to the list. I&rsquo;d like to hear what <em>you</em> want.&rdquo;</p>"
                        "<p>This reflects his feeling, makes clear you are a partner and not another "
                        "authority, and hands the direction back to him. What Marcus may need most is "
                        "<strong>respect for his autonomy</strong>: one conversation where his own view "
                        "counts. That is often where real motivation starts.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>With a study partner, take turns talking for five minutes about a change you have "
                    "thought about making (something real but not too painful, like sleep, exercise or "
                    "money). The listener may <strong>not</strong> give any advice, opinions or stories. "
                    "Just attend, nod, and say back what you hear. Afterwards, talk about it: how did it "
                    "feel to be listened to this way? How hard was it to hold back the righting "
                    "reflex?</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "Think of a time during your own recovery when someone really listened "
                        "to you. What did they do, or not do, that made you feel heard?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "Which statement best describes the role of a peer support specialist?",
                    "choices": [
                        ("Walking alongside a person as an equal, offering hope and support based on "
                         "shared lived experience", True),
                        ("Diagnosing the person's substance use disorder and planning treatment", False),
                        ("Acting as the person's sponsor in a twelve-step program", False),
                        ("Making sure the person follows the rules of their probation", False),
                    ],
                    "explanation": "Peer support is a mutual relationship built on lived experience. "
                    "Diagnosis and treatment belong to clinicians, and sponsorship or supervision by the "
                    "courts are different roles.",
                },
                {
                    "type": "short_text",
                    "text": "What is the name for the natural urge to fix, correct or advise someone, "
                    "which motivational interviewing teaches us to notice and resist? (two words)",
                    "accepted_answers": ["righting reflex", "the righting reflex"],
                    "explanation": "The righting reflex is the well-meant urge to set things right. Acting "
                    "on it usually makes people defend the status quo.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these are parts of the spirit of motivational interviewing? (select "
                    "all that apply)",
                    "choices": [
                        ("Partnership", True),
                        ("Acceptance", True),
                        ("Compassion", True),
                        ("Evocation", True),
                        ("Confrontation", False),
                        ("Expert advice-giving", False),
                    ],
                    "explanation": "The MI spirit is partnership, acceptance, compassion and evocation. "
                    "Confronting people or positioning yourself as the expert works against it.",
                },
                {
                    "type": "true_false",
                    "text": "In motivational interviewing, the peer worker's main job is to convince the "
                    "person of the reasons they should change.",
                    "answer": False,
                    "explanation": "People are more persuaded by reasons they say themselves. Your job is "
                    "to draw out (evoke) their reasons, not to argue for yours.",
                },
                {
                    "type": "single",
                    "text": "Marcus says: \u201cEverybody keeps telling me what to do. I'm sick of it.\u201d "
                    "Which response best fits the spirit of MI?",
                    "choices": [
                        ("\u201cIt sounds exhausting to have so many people directing your life. I'd like "
                         "to hear what you want.\u201d", True),
                        ("\u201cThey're only trying to help you, you know.\u201d", False),
                        ("\u201cIf you don't cooperate, you could end up back in court.\u201d", False),
                        ("\u201cWhen I was in your shoes, I just did what I was told and it "
                         "worked.\u201d", False),
                    ],
                    "explanation": "The first response reflects his feeling and supports his autonomy. "
                    "The others defend the system, warn, or tell him what to do, which invites him to "
                    "push back.",
                },
                {
                    "type": "true_false",
                    "text": "Accepting a person in the MI sense means you must approve of everything they "
                    "do.",
                    "answer": False,
                    "explanation": "Acceptance means respecting a person's worth and right to choose, and "
                    "trying to understand their view. You can accept someone without approving of every "
                    "choice.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "open-questions-affirmations",
            "title": "Open questions and affirmations",
            "estimated_minutes": 40,
            "training_hours": Decimal("2.5"),
            "domain": "mentoring-education",
            "body": [
                ("heading", "The first two letters of OARS"),
                (
                    "paragraph",
                    "<p>OARS is a simple way to remember the four core skills of motivational "
                    "conversation: <strong>O</strong>pen questions, <strong>A</strong>ffirmations, "
                    "<strong>R</strong>eflections and <strong>S</strong>ummaries. Like the oars of a boat, "
                    "they help a conversation move forward, with the person steering. This module covers "
                    "the first two. The next module covers reflections and summaries.</p>",
                ),
                ("heading", "Open and closed questions"),
                (
                    "paragraph",
                    "<p>A <strong>closed question</strong> can be answered with &ldquo;yes&rdquo;, "
                    "&ldquo;no&rdquo; or a short fact: &ldquo;Did you go to your appointment?&rdquo; "
                    "&ldquo;How many days has it been?&rdquo; Closed questions are useful when you need a "
                    "specific piece of information, like a phone number or the time of a meeting.</p>"
                    "<p>An <strong>open question</strong> invites the person to tell their story in their "
                    "own words: &ldquo;How did the appointment go?&rdquo; &ldquo;What has this week been "
                    "like for you?&rdquo; Open questions usually start with <em>what</em>, <em>how</em>, "
                    "or <em>tell me about</em>. They put the person in charge of what matters and how "
                    "much to share.</p>"
                    "<p>Here are some closed questions turned into open ones:</p>"
                    "<ul>"
                    "<li>&ldquo;Are you doing okay?&rdquo; becomes &ldquo;How are you doing, "
                    "really?&rdquo;</li>"
                    "<li>&ldquo;Do you want to stop drinking?&rdquo; becomes &ldquo;What would you like "
                    "to be different about your drinking, if anything?&rdquo;</li>"
                    "<li>&ldquo;Is your family supportive?&rdquo; becomes &ldquo;Tell me about the people "
                    "in your corner.&rdquo;</li>"
                    "<li>&ldquo;Did the meeting help?&rdquo; becomes &ldquo;What did you take away from "
                    "the meeting?&rdquo;</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Turn &ldquo;why&rdquo; into &ldquo;what&rdquo;",
                        "text": "<p>&ldquo;Why did you use?&rdquo; is an open question, but it can sound "
                        "like blame, and people often answer by defending themselves. Try &ldquo;What was "
                        "going on for you before you used?&rdquo; or &ldquo;What led up to that?&rdquo; "
                        "You get the same information with much less shame.</p>",
                    },
                ),
                ("heading", "Avoiding the question trap"),
                (
                    "paragraph",
                    "<p>Even good questions can go wrong if you ask too many in a row. A string of "
                    "questions turns a conversation into an interview: you ask, they answer, and they "
                    "slowly become passive, waiting for your next question. This is sometimes called the "
                    "<strong>question-answer trap</strong>. Avoid it by asking <strong>one question at a "
                    "time</strong>, listening fully to the answer, and following up with a reflection "
                    "(next module) before asking anything else. Also avoid &ldquo;stacking&rdquo; "
                    "questions, such as &ldquo;How was your weekend, did you see your kids, and did you "
                    "make it to a meeting?&rdquo; The person will only answer one, usually the "
                    "easiest.</p>",
                ),
                ("heading", "Affirmations"),
                (
                    "paragraph",
                    "<p>An <strong>affirmation</strong> is a genuine statement that recognises a "
                    "person&rsquo;s strengths, efforts, good intentions or values. Many people who use "
                    "drugs or alcohol have heard far more criticism than appreciation. A well-placed "
                    "affirmation can be the first time in a long while that someone hears something true "
                    "and good about themselves.</p>"
                    "<p>Good affirmations are:</p>"
                    "<ul>"
                    "<li><strong>Genuine.</strong> Only say what you honestly see. People can tell when "
                    "praise is automatic.</li>"
                    "<li><strong>Specific.</strong> &ldquo;You called the clinic yourself, even though you "
                    "hate phone calls&rdquo; means more than &ldquo;Good job.&rdquo;</li>"
                    "<li><strong>About the person, not about you.</strong> &ldquo;I&rsquo;m proud of "
                    "you&rdquo; puts you in the role of judge, even when it is kindly meant. &ldquo;You "
                    "worked hard for this&rdquo; keeps the focus on them.</li>"
                    "<li><strong>About effort, not only results.</strong> Recovery has setbacks. You can "
                    "always affirm courage, honesty and persistence, even on a day when the outcome was "
                    "not what the person hoped for.</li>"
                    "</ul>"
                    "<p>Affirmations are not flattery and not cheerleading. Some people, especially "
                    "those who grew up being criticised, feel awkward when praised. Keep affirmations "
                    "low-key and matter-of-fact, and watch how the person responds.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Affirming after a return to use",
                        "text": "<p>When someone tells you they have used again, it can be hard to find "
                        "anything to affirm. Look at what they are doing right now: &ldquo;You came in "
                        "and told me the truth, even though that wasn&rsquo;t easy.&rdquo; Honesty after "
                        "a setback is a real strength, and naming it can keep shame from taking "
                        "over.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Keisha after sixty days",
                        "situation": "<p>Keisha is a mother of two who has been coming to your drop-in "
                        "center. She had sixty days without drinking, then drank heavily last weekend. "
                        "She sits down and says, &ldquo;I&rsquo;m such a failure. I don&rsquo;t even know "
                        "why I bother. My kids deserve better.&rdquo;</p>",
                        "questions": "<ol>"
                        "<li>Write one open question you could ask Keisha.</li>"
                        "<li>Write one genuine, specific affirmation.</li>"
                        "<li>What responses would you want to avoid, and why?</li>"
                        "</ol>",
                        "discussion": "<p>An open question might be: &ldquo;What helped you get through "
                        "those sixty days?&rdquo; or &ldquo;What would you like to happen from "
                        "here?&rdquo; Both invite her to look at her own strengths and goals instead of "
                        "the mistake.</p>"
                        "<p>An affirmation might be: &ldquo;You came back in and were honest about what "
                        "happened. That takes courage.&rdquo; or &ldquo;Your kids really matter to "
                        "you.&rdquo; The second one also picks up on a value she has just shown you, "
                        "which may become a reason for change.</p>"
                        "<p>Avoid arguing with her feeling (&ldquo;You&rsquo;re not a failure!&rdquo;), "
                        "which can make her defend it; lecturing about what she should have done; or "
                        "rushing to your own relapse story. Also avoid &ldquo;Why did you drink?&rdquo;, "
                        "which can feel like blame. If anything she says suggests she may harm herself, "
                        "follow your crisis procedure.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Write down ten closed questions you often hear in treatment or recovery settings, "
                    "then rewrite each one as an open question. Next, with a study partner, have a "
                    "ten-minute conversation where you use only open questions and at least three "
                    "specific affirmations. Ask your partner afterwards which affirmation felt most "
                    "genuine and why.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "What is one strength that helped you in your own recovery that nobody "
                        "named at the time? How might it have felt to hear someone notice it?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "Which of these is an open question?",
                    "choices": [
                        ("\u201cWhat has this week been like for you?\u201d", True),
                        ("\u201cDid you go to your meeting this week?\u201d", False),
                        ("\u201cAre you still living with your brother?\u201d", False),
                        ("\u201cIs it okay if we meet on Thursday?\u201d", False),
                    ],
                    "explanation": "Open questions invite a fuller answer in the person's own words. The "
                    "others can be answered with yes, no or a short fact.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these are features of a good affirmation? (select all that apply)",
                    "choices": [
                        ("It is genuine", True),
                        ("It is specific", True),
                        ("It can recognise effort even when the result was disappointing", True),
                        ("It centres on how proud you feel", False),
                        ("It is repeated often, whether or not it fits", False),
                    ],
                    "explanation": "Affirmations work when they are honest, specific and focused on the "
                    "person's strengths and efforts, not on your approval or automatic praise.",
                },
                {
                    "type": "true_false",
                    "text": "Asking several good questions in a row is the best way to keep a "
                    "conversation moving.",
                    "answer": False,
                    "explanation": "A string of questions creates the question-answer trap and makes the "
                    "person passive. Ask one question, listen, and reflect before asking another.",
                },
                {
                    "type": "single",
                    "text": "Which is the best way to rephrase \u201cWhy did you use?\u201d",
                    "choices": [
                        ("\u201cWhat was going on for you before you used?\u201d", True),
                        ("\u201cDidn't you know you'd regret it?\u201d", False),
                        ("\u201cYou used again, didn't you?\u201d", False),
                        ("\u201cWhy would you throw away your clean time?\u201d", False),
                    ],
                    "explanation": "\u201cWhat was going on for you\u201d asks for the same information "
                    "without blame. The other options are closed, leading or shaming.",
                },
                {
                    "type": "short_text",
                    "text": "In OARS, what does the letter A stand for?",
                    "accepted_answers": ["affirmation", "affirmations", "affirming", "affirm"],
                    "explanation": "OARS stands for Open questions, Affirmations, Reflections and "
                    "Summaries.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "reflections-summaries",
            "title": "Reflective listening and summaries",
            "estimated_minutes": 45,
            "training_hours": Decimal("2.5"),
            "domain": "mentoring-education",
            "body": [
                ("heading", "What a reflection is"),
                (
                    "paragraph",
                    "<p>A <strong>reflection</strong> is a short statement that says back what you heard, "
                    "or makes a careful guess at what the person means. It is the single most important "
                    "listening skill. A good reflection shows the person you are following, lets them "
                    "hear their own thoughts out loud, and gently invites them to keep going.</p>"
                    "<p>A reflection is a <strong>statement, not a question</strong>. Compare "
                    "&ldquo;You&rsquo;re worried about going back to work?&rdquo; (your voice goes up at "
                    "the end, and it sounds like you doubt them) with &ldquo;You&rsquo;re worried about "
                    "going back to work.&rdquo; (your voice goes down, and it sounds like you "
                    "understand). The words are the same; the effect is very different.</p>",
                ),
                ("heading", "Simple and complex reflections"),
                (
                    "paragraph",
                    "<p>A <strong>simple reflection</strong> repeats or rephrases what the person said, "
                    "adding little or nothing. It is safe and useful, especially early in a "
                    "conversation.</p>"
                    "<ul>"
                    "<li>Person: &ldquo;I haven&rsquo;t slept properly in a week.&rdquo;</li>"
                    "<li>Simple reflection: &ldquo;You&rsquo;ve had a week of bad sleep.&rdquo;</li>"
                    "</ul>"
                    "<p>A <strong>complex reflection</strong> goes a step further. It names a feeling, a "
                    "meaning or something the person has not quite said yet. It moves the conversation "
                    "deeper.</p>"
                    "<ul>"
                    "<li>Complex reflection: &ldquo;You&rsquo;re running on empty, and it&rsquo;s making "
                    "everything harder to cope with.&rdquo;</li>"
                    "</ul>"
                    "<p>You will not always guess right, and that is fine. If the person says &ldquo;No, "
                    "it&rsquo;s not that, it&rsquo;s more that&hellip;&rdquo;, they are now telling you "
                    "something important. A wrong guess offered with curiosity still shows you are "
                    "trying to understand.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Two reflections for every question",
                        "text": "<p>Many MI trainers suggest aiming for roughly two reflections for every "
                        "question you ask. Most of us do the opposite at first. Starters like &ldquo;It "
                        "sounds like&hellip;&rdquo; or &ldquo;So you&rsquo;re feeling&hellip;&rdquo; help "
                        "while you practise. As you get more comfortable, you can drop the starters and "
                        "simply say the reflection.</p>",
                    },
                ),
                ("heading", "Reflecting mixed feelings"),
                (
                    "paragraph",
                    "<p>Most people who are thinking about change feel two ways at once. They want "
                    "things to be different, and they also have real reasons to keep things as they "
                    "are. This is called <strong>ambivalence</strong>, and it is a normal part of change, "
                    "not a sign that someone is &ldquo;not ready&rdquo; or &ldquo;in denial&rdquo;.</p>"
                    "<p>A <strong>double-sided reflection</strong> captures both sides: &ldquo;On one "
                    "hand, drinking helps you unwind after work, and on the other hand, you&rsquo;re "
                    "scared of what it&rsquo;s doing to your health.&rdquo; Two tips help. Use "
                    "&ldquo;and&rdquo; rather than &ldquo;but&rdquo;, because &ldquo;but&rdquo; tends to "
                    "erase whatever came before it. And put the side that leans toward change at the "
                    "end, because people tend to respond to the last thing they hear.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Ambivalence is not the enemy",
                        "text": "<p>When someone says &ldquo;I want to quit, but&hellip;&rdquo;, it is "
                        "tempting to argue with the &ldquo;but&rdquo;. If you do, the person will usually "
                        "defend it. When you reflect both sides fairly, the person feels understood and "
                        "is free to weigh them up. Very often, they start to talk themselves toward "
                        "change.</p>",
                    },
                ),
                ("heading", "Summaries"),
                (
                    "paragraph",
                    "<p>A <strong>summary</strong> is a longer reflection that pulls together several "
                    "things the person has said. Summaries show you have been listening all along, help "
                    "the person see the bigger picture, and give the conversation structure. There are "
                    "three common kinds:</p>"
                    "<ul>"
                    "<li><strong>Collecting summaries</strong> gather a few related points, then invite "
                    "more: &ldquo;So far you&rsquo;ve mentioned your health, your daughter and money as "
                    "reasons to cut down. What else?&rdquo;</li>"
                    "<li><strong>Linking summaries</strong> connect something said now with something "
                    "said earlier, or in a past meeting: &ldquo;That sounds a lot like what you told me "
                    "last month about feeling left out at family events.&rdquo;</li>"
                    "<li><strong>Transitional summaries</strong> wrap up one part of a conversation or "
                    "the whole meeting, and often lead to a next step: &ldquo;Let me see if I&rsquo;ve "
                    "got the main points&hellip; Did I miss anything? So where would you like to go from "
                    "here?&rdquo;</li>"
                    "</ul>"
                    "<p>Keep summaries short, use the person&rsquo;s own words where you can, and always "
                    "check: &ldquo;What did I miss?&rdquo; When you choose what to include, give a little "
                    "extra weight to anything the person said about wanting or planning to change.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "Tony and the job training program",
                        "situation": "<p>Tony is 52, has been in recovery from methamphetamine use for "
                        "four months and is staying at a shelter. He tells you: &ldquo;My case manager "
                        "found me a spot in a forklift training program. Part of me wants to go. The "
                        "money would be good and I&rsquo;m bored out of my mind. But I haven&rsquo;t "
                        "been in a classroom in thirty years. What if I can&rsquo;t keep up and "
                        "everyone at the shelter finds out?&rdquo;</p>",
                        "questions": "<ol>"
                        "<li>Write a simple reflection.</li>"
                        "<li>Write a complex reflection that names a feeling.</li>"
                        "<li>Write a double-sided reflection, ending on the side that leans toward "
                        "change.</li>"
                        "<li>Later in the conversation, how might you summarise?</li>"
                        "</ol>",
                        "discussion": "<p>Simple: &ldquo;You&rsquo;ve been offered a spot in forklift "
                        "training.&rdquo;</p>"
                        "<p>Complex: &ldquo;You&rsquo;re worried about being embarrassed if it doesn&rsquo;t "
                        "go well.&rdquo;</p>"
                        "<p>Double-sided: &ldquo;It&rsquo;s been a long time since you were in a "
                        "classroom, and that feels scary, <em>and</em> you&rsquo;re ready for something "
                        "that pays and keeps you busy.&rdquo;</p>"
                        "<p>Summary: &ldquo;Let me check I&rsquo;ve got it. You&rsquo;d like the money "
                        "and something to fill your days, and you&rsquo;re nervous about keeping up and "
                        "what people might think. Did I miss anything?&rdquo; Notice that none of these "
                        "responses tells Tony what to do. Each one helps him hear his own reasons more "
                        "clearly, so the decision stays his.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>With a study partner, have a ten-minute conversation about something your "
                    "partner feels two ways about. Keep a tally: put a mark on paper for every question "
                    "and every reflection you make. Try to reach at least two reflections for every "
                    "question, and close with a summary. Then swap roles. Talk about which reflections "
                    "moved the conversation forward most.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "Think about a change you felt two ways about in your own life. What "
                        "would it have been like to hear both sides said back to you, without anyone "
                        "taking a side?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "true_false",
                    "text": "A reflection should be said as a statement, with your voice going down at "
                    "the end, rather than as a question.",
                    "answer": True,
                    "explanation": "Said as a statement, a reflection sounds like understanding. Said as "
                    "a question, it can sound like doubt and put the person on the defensive.",
                },
                {
                    "type": "single",
                    "text": "A person says, \u201cI haven't slept properly in a week.\u201d Which response "
                    "is a complex reflection?",
                    "choices": [
                        ("\u201cYou're running on empty, and it's making everything harder.\u201d", True),
                        ("\u201cYou haven't slept well this week.\u201d", False),
                        ("\u201cHave you tried cutting out caffeine?\u201d", False),
                        ("\u201cHow many hours are you getting?\u201d", False),
                    ],
                    "explanation": "A complex reflection adds a feeling or meaning. The second option is "
                    "a simple reflection, the third is advice and the fourth is a closed question.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these are good practice when making a double-sided reflection? "
                    "(select all that apply)",
                    "choices": [
                        ("Joining the two sides with \u201cand\u201d rather than \u201cbut\u201d", True),
                        ("Ending with the side that leans toward change", True),
                        ("Describing both sides fairly", True),
                        ("Pointing out which side is the right one", False),
                    ],
                    "explanation": "A double-sided reflection captures both sides of ambivalence fairly, "
                    "uses \u201cand\u201d so neither side is erased, and ends on the change side. Taking "
                    "sides invites the person to argue.",
                },
                {
                    "type": "short_text",
                    "text": "What is the word for feeling two ways about a change at the same time, "
                    "which MI treats as a normal part of change?",
                    "accepted_answers": ["ambivalence", "ambivalent", "being ambivalent"],
                    "explanation": "Ambivalence, wanting and not wanting change at once, is normal. "
                    "Reflecting both sides helps people work through it.",
                },
                {
                    "type": "single",
                    "text": "\u201cLet me check I've got the main points\u2026 Did I miss anything? So "
                    "where would you like to go from here?\u201d This is an example of which kind of "
                    "summary?",
                    "choices": [
                        ("Transitional summary", True),
                        ("Collecting summary", False),
                        ("Linking summary", False),
                        ("Simple reflection", False),
                    ],
                    "explanation": "A transitional summary wraps up part or all of a conversation and "
                    "often leads to a next step.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "change-talk-discord-lived-experience",
            "title": "Change talk, discord and sharing your story with purpose",
            "estimated_minutes": 50,
            "training_hours": Decimal("2.5"),
            "domain": "mentoring-education",
            "body": [
                ("heading", "Listening for change talk"),
                (
                    "paragraph",
                    "<p>When people talk about a possible change, their words tend to lean one of two "
                    "ways. <strong>Change talk</strong> is anything the person says in favour of change. "
                    "<strong>Sustain talk</strong> is anything in favour of keeping things as they are. "
                    "Both are normal. What MI research has found is that the more change talk a person "
                    "says, the more likely they are to actually change. So part of your job is to "
                    "notice change talk, draw it out, and help the person hear it.</p>"
                    "<p>Change talk comes in several flavours. A common way to remember them is "
                    "<strong>DARN CAT</strong>:</p>"
                    "<ul>"
                    "<li><strong>Desire</strong>: &ldquo;I want to feel healthy again.&rdquo;</li>"
                    "<li><strong>Ability</strong>: &ldquo;I could probably go to a meeting on "
                    "Tuesdays.&rdquo;</li>"
                    "<li><strong>Reasons</strong>: &ldquo;I&rsquo;d have more money for my kids.&rdquo;</li>"
                    "<li><strong>Need</strong>: &ldquo;I have to do something before I lose my "
                    "apartment.&rdquo;</li>"
                    "<li><strong>Commitment</strong>: &ldquo;I&rsquo;m going to call the clinic "
                    "tomorrow.&rdquo;</li>"
                    "<li><strong>Activation</strong>: &ldquo;I&rsquo;m ready to try.&rdquo;</li>"
                    "<li><strong>Taking steps</strong>: &ldquo;I threw out the bottles in my "
                    "car.&rdquo;</li>"
                    "</ul>"
                    "<p>The first four (DARN) are about getting ready. The last three (CAT) show the "
                    "person is starting to move.</p>",
                ),
                ("heading", "Drawing out and responding to change talk"),
                (
                    "paragraph",
                    "<p>You can invite change talk with open questions such as &ldquo;What would be "
                    "better if you cut down?&rdquo;, &ldquo;What worries you about how things are "
                    "now?&rdquo; or &ldquo;If things went the way you hoped, what would life look like "
                    "in a year?&rdquo; A <strong>ruler question</strong> can also help: &ldquo;On a "
                    "scale from 0 to 10, how important is this change to you?&rdquo; If the person says "
                    "4, ask &ldquo;Why a 4 and not a 1?&rdquo; The answer will be change talk. (Asking "
                    "&ldquo;Why not a 9?&rdquo; does the opposite: it invites reasons against "
                    "change.)</p>"
                    "<p>When you hear change talk, don&rsquo;t let it pass by. Ask for more detail "
                    "(&ldquo;What else?&rdquo;), affirm it, reflect it, and include it in your summaries. "
                    "When you hear sustain talk, reflect it too, calmly and without arguing. Arguing "
                    "with sustain talk only produces more of it.</p>",
                ),
                ("heading", "When the conversation gets tense: discord"),
                (
                    "paragraph",
                    "<p>Sometimes the tension is not about the change at all, but about <em>you</em> and "
                    "the relationship. The person argues with you, interrupts, goes quiet, or says "
                    "things like &ldquo;You don&rsquo;t get it.&rdquo; MI calls this "
                    "<strong>discord</strong>. Older books call it &ldquo;resistance&rdquo; and talk "
                    "about &ldquo;rolling with resistance&rdquo;. Discord is not a flaw in the person. "
                    "It is usually a signal that you have moved ahead of them, pushed too hard, or "
                    "touched something painful.</p>"
                    "<p>Ways to respond to discord:</p>"
                    "<ul>"
                    "<li><strong>Reflect it</strong>: &ldquo;You&rsquo;re frustrated with me right "
                    "now.&rdquo;</li>"
                    "<li><strong>Emphasise their choice</strong>: &ldquo;It&rsquo;s your decision. "
                    "Nobody can make it for you.&rdquo;</li>"
                    "<li><strong>Apologise</strong> when it fits: &ldquo;I think I got ahead of you "
                    "there. Sorry.&rdquo;</li>"
                    "<li><strong>Shift focus</strong> to something the person cares about more right "
                    "now.</li>"
                    "</ul>"
                    "<p>What doesn&rsquo;t work is defending yourself, explaining again more loudly, or "
                    "labelling the person as &ldquo;in denial&rdquo;.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Your calm is contagious",
                        "text": "<p>Discord can feel personal, especially if the person reminds you of "
                        "someone from your past. Slow down, lower your voice and reflect. You do not have "
                        "to win the conversation. Staying steady and respectful is what keeps the door "
                        "open.</p>",
                    },
                ),
                ("heading", "Sharing your own story with purpose"),
                (
                    "paragraph",
                    "<p>Your lived experience is what makes you a peer. Sharing it can spark hope, "
                    "reduce shame and show that recovery is real. But a story shared at the wrong time "
                    "or in the wrong way can take the focus away from the person you are supporting. "
                    "Before you share, ask yourself:</p>"
                    "<ul>"
                    "<li><strong>Whose need does this meet?</strong> Share to help them, not to fill "
                    "a silence, prove yourself or work through your own feelings.</li>"
                    "<li><strong>Is it relevant and brief?</strong> A sentence or two about what "
                    "helped you is usually enough.</li>"
                    "<li><strong>Does it focus on hope and what helped</strong>, rather than details of "
                    "using? Graphic &ldquo;war stories&rdquo; can trigger cravings or trauma.</li>"
                    "<li><strong>Am I comfortable with this being known?</strong> Once shared, you "
                    "cannot control where your story goes.</li>"
                    "</ul>"
                    "<p>After you share, hand the conversation back: &ldquo;That&rsquo;s what helped me. "
                    "I&rsquo;m curious what you think might fit for you.&rdquo; Avoid &ldquo;I know "
                    "exactly how you feel&rdquo; (you don&rsquo;t, because their experience is their "
                    "own) and never present your path as the only one. There are many pathways to "
                    "recovery. The <em>Ethics, boundaries and confidentiality</em> course looks at "
                    "self-disclosure in more depth.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Check your agency's expectations",
                        "text": "<p>Some agencies have guidance on what peer staff share and how. Talk "
                        "with your supervisor about which parts of your story you are comfortable "
                        "sharing at work, and which you want to keep private. Both choices are "
                        "okay.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Rosa says you don't get it",
                        "situation": "<p>Rosa is 41 and has been taking buprenorphine for opioid use "
                        "disorder for three months. She has been coming to a community meeting where "
                        "some members say people on medication are &ldquo;not really in recovery&rdquo;. "
                        "In your session she snaps: &ldquo;You probably did it the &lsquo;real&rsquo; "
                        "way. You don&rsquo;t get it. Maybe I should just stop the meds and prove "
                        "them wrong.&rdquo;</p>",
                        "questions": "<ol>"
                        "<li>Is this sustain talk, change talk or discord? How can you tell?</li>"
                        "<li>What could you say first?</li>"
                        "<li>Would you share your own story here? If so, how?</li>"
                        "</ol>",
                        "discussion": "<p>This is mostly <strong>discord</strong>: Rosa is frustrated "
                        "with you and with people who have judged her. Defending yourself or arguing "
                        "would make it worse. Start by reflecting: &ldquo;It really hurts to be told "
                        "your recovery doesn&rsquo;t count, and you&rsquo;re wondering if I think the "
                        "same thing.&rdquo; Then be clear and honest: &ldquo;I don&rsquo;t. There are "
                        "many ways to recover, and medication is one of them.&rdquo;</p>"
                        "<p>Her idea of stopping the medication is important. It is not your role to "
                        "give medical advice, but you can reflect what matters to her and encourage her "
                        "to talk it through with her prescriber before making any change, since "
                        "stopping suddenly can bring withdrawal and raises the risk of overdose if she "
                        "returns to using.</p>"
                        "<p>If you share, keep it brief and about connection, not comparison: "
                        "&ldquo;My path was different from yours, and I&rsquo;ve also had people tell me "
                        "I was doing recovery wrong. It made me want to give up on meetings for a "
                        "while.&rdquo; Then return the focus: &ldquo;What would support look like for "
                        "you right now?&rdquo; You might also help her find meetings or groups that "
                        "welcome people on medication.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>With a study partner playing someone unsure about a change, practise a "
                    "fifteen-minute conversation. Use a ruler question and the follow-up &ldquo;Why that "
                    "number and not a lower one?&rdquo;. Your partner should include one moment of "
                    "discord for you to respond to. Afterwards, write your own two-sentence "
                    "&ldquo;hope story&rdquo;: what helped you, and what life is like now. Share it with "
                    "your partner and ask whether it kept the focus on them.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "Which parts of your own story are you comfortable sharing with people "
                        "you support, and which would you rather keep private? What helps you tell the "
                        "difference?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "Which statement is an example of change talk?",
                    "choices": [
                        ("\u201cI'd have more money for my kids if I stopped.\u201d", True),
                        ("\u201cDrinking is the only thing that helps me sleep.\u201d", False),
                        ("\u201cEverybody I know drinks like I do.\u201d", False),
                        ("\u201cNow isn't a good time to think about it.\u201d", False),
                    ],
                    "explanation": "Talking about reasons for change (the R in DARN CAT) is change talk. "
                    "The other three statements argue for keeping things as they are (sustain talk).",
                },
                {
                    "type": "multiple",
                    "text": "Which of these are types of change talk in DARN CAT? (select all that apply)",
                    "choices": [
                        ("Desire", True),
                        ("Ability", True),
                        ("Commitment", True),
                        ("Taking steps", True),
                        ("Denial", False),
                        ("Argument", False),
                    ],
                    "explanation": "DARN CAT stands for Desire, Ability, Reasons, Need, Commitment, "
                    "Activation and Taking steps.",
                },
                {
                    "type": "single",
                    "text": "A person rates the importance of cutting down as 4 out of 10. Which follow-up "
                    "question is most likely to draw out change talk?",
                    "choices": [
                        ("\u201cWhy a 4 and not a 1?\u201d", True),
                        ("\u201cWhy not a 9?\u201d", False),
                        ("\u201cShouldn't it be a 10?\u201d", False),
                        ("\u201cWhat's stopping you?\u201d", False),
                    ],
                    "explanation": "Asking why the number is not lower invites the person to explain what "
                    "makes change important to them. Asking why it is not higher invites reasons against "
                    "change.",
                },
                {
                    "type": "true_false",
                    "text": "Discord is usually a sign that the person is in denial and needs to be "
                    "confronted.",
                    "answer": False,
                    "explanation": "Discord is tension in the relationship, often a sign you have pushed "
                    "too hard or moved ahead of the person. Reflect, emphasise their choice and slow "
                    "down.",
                },
                {
                    "type": "multiple",
                    "text": "Which are good guidelines for sharing your lived experience? (select all that "
                    "apply)",
                    "choices": [
                        ("Share when it meets the other person's need, not yours", True),
                        ("Keep it brief and relevant", True),
                        ("Hand the conversation back to the person afterwards", True),
                        ("Include vivid details of your using so they know you understand", False),
                        ("Explain that your pathway is the one that works", False),
                    ],
                    "explanation": "Purposeful sharing is brief, relevant and focused on hope, then "
                    "returns the focus to the person. Graphic details can trigger people, and there are "
                    "many pathways to recovery.",
                },
            ],
        },
