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
        "“change talk”, how to stay steady when a conversation gets tense, and how to share "
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
                    "expert on someone else’s life, and you are not there to diagnose or treat. You "
                    "walk alongside a person, offer hope that recovery is possible, and help them find "
                    "their own way forward.</p>"
                    "<p>This also means you are not the person’s counselor, sponsor, parent or "
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
                    "say out loud why they can’t or won’t change, they become a little more "
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
                        "notice it (“I really want to tell him what to do right now”) and "
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
                    "<li><strong>Acceptance.</strong> You respect the person’s worth just as they "
                    "are, try hard to understand how things look from their side, honour their right to "
                    "make their own choices, and notice their strengths.</li>"
                    "<li><strong>Compassion.</strong> You actively want what is good for the person, and "
                    "you put their wellbeing ahead of your own agenda.</li>"
                    "<li><strong>Evocation.</strong> You draw out the person’s own wisdom, values "
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
                    "others, it feels intense). Small sounds and nods like “mm-hm” show you "
                    "are following. Let silences breathe: a pause often means the person is thinking, "
                    "and what comes next may be important.</p>"
                    "<p>On the phone or in a text chat, you lose body language, so your words carry more "
                    "of the load. Say what you notice (“It sounds like today has been really "
                    "hard”), check you have understood, and don’t rush to fill quiet "
                    "moments.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "When safety comes first",
                        "text": "<p>If a person tells you they are thinking about ending their life, has "
                        "taken something and seems unwell, or is in danger, listening still matters, but "
                        "your agency’s crisis procedure comes first. Call 911 in an emergency. The "
                        "<em>Crisis response</em> course covers this in detail.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Marcus is tired of being told what to do",
                        "situation": "<p>Marcus is 34 and three weeks into an outpatient program. He sits "
                        "down, crosses his arms and says: “Everybody keeps telling me what to do. My "
                        "wife, my counselor, my probation officer. Now you, I guess. I’m sick of "
                        "it.”</p>",
                        "questions": "<ol>"
                        "<li>What might the righting reflex push you to say?</li>"
                        "<li>What could you say that shows partnership and acceptance?</li>"
                        "<li>What does Marcus seem to need from you that others may not be giving?</li>"
                        "</ol>",
                        "discussion": "<p>The righting reflex might push you to explain why everyone is "
                        "trying to help, or to tell Marcus he needs to cooperate. Both would probably make "
                        "him dig in. A response in the spirit of MI might be: “It sounds exhausting, "
                        "having so many people telling you how to run your life. I’m not here to "
                        "add to the list. I’d like to hear what <em>you</em> want.”</p>"
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
                        (
                            "Walking alongside a person as an equal, offering hope and support based on "
                            "shared lived experience",
                            True,
                        ),
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
                    "text": "Marcus says: “Everybody keeps telling me what to do. I'm sick of it.” "
                    "Which response best fits the spirit of MI?",
                    "choices": [
                        (
                            "“It sounds exhausting to have so many people directing your life. I'd like "
                            "to hear what you want.”",
                            True,
                        ),
                        ("“They're only trying to help you, you know.”", False),
                        ("“If you don't cooperate, you could end up back in court.”", False),
                        ("“When I was in your shoes, I just did what I was told and it worked.”", False),
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
                    "<p>A <strong>closed question</strong> can be answered with “yes”, "
                    "“no” or a short fact: “Did you go to your appointment?” "
                    "“How many days has it been?” Closed questions are useful when you need a "
                    "specific piece of information, like a phone number or the time of a meeting.</p>"
                    "<p>An <strong>open question</strong> invites the person to tell their story in their "
                    "own words: “How did the appointment go?” “What has this week been "
                    "like for you?” Open questions usually start with <em>what</em>, <em>how</em>, "
                    "or <em>tell me about</em>. They put the person in charge of what matters and how "
                    "much to share.</p>"
                    "<p>Here are some closed questions turned into open ones:</p>"
                    "<ul>"
                    "<li>“Are you doing okay?” becomes “How are you doing, "
                    "really?”</li>"
                    "<li>“Do you want to stop drinking?” becomes “What would you like "
                    "to be different about your drinking, if anything?”</li>"
                    "<li>“Is your family supportive?” becomes “Tell me about the people "
                    "in your corner.”</li>"
                    "<li>“Did the meeting help?” becomes “What did you take away from "
                    "the meeting?”</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Turn “why” into “what”",
                        "text": "<p>“Why did you use?” is an open question, but it can sound "
                        "like blame, and people often answer by defending themselves. Try “What was "
                        "going on for you before you used?” or “What led up to that?” "
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
                    "(next module) before asking anything else. Also avoid “stacking” "
                    "questions, such as “How was your weekend, did you see your kids, and did you "
                    "make it to a meeting?” The person will only answer one, usually the "
                    "easiest.</p>",
                ),
                ("heading", "Affirmations"),
                (
                    "paragraph",
                    "<p>An <strong>affirmation</strong> is a genuine statement that recognises a "
                    "person’s strengths, efforts, good intentions or values. Many people who use "
                    "drugs or alcohol have heard far more criticism than appreciation. A well-placed "
                    "affirmation can be the first time in a long while that someone hears something true "
                    "and good about themselves.</p>"
                    "<p>Good affirmations are:</p>"
                    "<ul>"
                    "<li><strong>Genuine.</strong> Only say what you honestly see. People can tell when "
                    "praise is automatic.</li>"
                    "<li><strong>Specific.</strong> “You called the clinic yourself, even though you "
                    "hate phone calls” means more than “Good job.”</li>"
                    "<li><strong>About the person, not about you.</strong> “I’m proud of "
                    "you” puts you in the role of judge, even when it is kindly meant. “You "
                    "worked hard for this” keeps the focus on them.</li>"
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
                        "anything to affirm. Look at what they are doing right now: “You came in "
                        "and told me the truth, even though that wasn’t easy.” Honesty after "
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
                        "She sits down and says, “I’m such a failure. I don’t even know "
                        "why I bother. My kids deserve better.”</p>",
                        "questions": "<ol>"
                        "<li>Write one open question you could ask Keisha.</li>"
                        "<li>Write one genuine, specific affirmation.</li>"
                        "<li>What responses would you want to avoid, and why?</li>"
                        "</ol>",
                        "discussion": "<p>An open question might be: “What helped you get through "
                        "those sixty days?” or “What would you like to happen from "
                        "here?” Both invite her to look at her own strengths and goals instead of "
                        "the mistake.</p>"
                        "<p>An affirmation might be: “You came back in and were honest about what "
                        "happened. That takes courage.” or “Your kids really matter to "
                        "you.” The second one also picks up on a value she has just shown you, "
                        "which may become a reason for change.</p>"
                        "<p>Avoid arguing with her feeling (“You’re not a failure!”), "
                        "which can make her defend it; lecturing about what she should have done; or "
                        "rushing to your own relapse story. Also avoid “Why did you drink?”, "
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
                        ("“What has this week been like for you?”", True),
                        ("“Did you go to your meeting this week?”", False),
                        ("“Are you still living with your brother?”", False),
                        ("“Is it okay if we meet on Thursday?”", False),
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
                    "text": "Which is the best way to rephrase “Why did you use?”",
                    "choices": [
                        ("“What was going on for you before you used?”", True),
                        ("“Didn't you know you'd regret it?”", False),
                        ("“You used again, didn't you?”", False),
                        ("“Why would you throw away your clean time?”", False),
                    ],
                    "explanation": "“What was going on for you” asks for the same information "
                    "without blame. The other options are closed, leading or shaming.",
                },
                {
                    "type": "short_text",
                    "text": "In OARS, what does the letter A stand for?",
                    "accepted_answers": ["affirmation", "affirmations", "affirming", "affirm"],
                    "explanation": "OARS stands for Open questions, Affirmations, Reflections and Summaries.",
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
                    "“You’re worried about going back to work?” (your voice goes up at "
                    "the end, and it sounds like you doubt them) with “You’re worried about "
                    "going back to work.” (your voice goes down, and it sounds like you "
                    "understand). The words are the same; the effect is very different.</p>",
                ),
                ("heading", "Simple and complex reflections"),
                (
                    "paragraph",
                    "<p>A <strong>simple reflection</strong> repeats or rephrases what the person said, "
                    "adding little or nothing. It is safe and useful, especially early in a "
                    "conversation.</p>"
                    "<ul>"
                    "<li>Person: “I haven’t slept properly in a week.”</li>"
                    "<li>Simple reflection: “You’ve had a week of bad sleep.”</li>"
                    "</ul>"
                    "<p>A <strong>complex reflection</strong> goes a step further. It names a feeling, a "
                    "meaning or something the person has not quite said yet. It moves the conversation "
                    "deeper.</p>"
                    "<ul>"
                    "<li>Complex reflection: “You’re running on empty, and it’s making "
                    "everything harder to cope with.”</li>"
                    "</ul>"
                    "<p>You will not always guess right, and that is fine. If the person says “No, "
                    "it’s not that, it’s more that…”, they are now telling you "
                    "something important. A wrong guess offered with curiosity still shows you are "
                    "trying to understand.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Two reflections for every question",
                        "text": "<p>Many MI trainers suggest aiming for roughly two reflections for every "
                        "question you ask. Most of us do the opposite at first. Starters like “It "
                        "sounds like…” or “So you’re feeling…” help "
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
                    "not a sign that someone is “not ready” or “in denial”.</p>"
                    "<p>A <strong>double-sided reflection</strong> captures both sides: “On one "
                    "hand, drinking helps you unwind after work, and on the other hand, you’re "
                    "scared of what it’s doing to your health.” Two tips help. Use "
                    "“and” rather than “but”, because “but” tends to "
                    "erase whatever came before it. And put the side that leans toward change at the "
                    "end, because people tend to respond to the last thing they hear.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Ambivalence is not the enemy",
                        "text": "<p>When someone says “I want to quit, but…”, it is "
                        "tempting to argue with the “but”. If you do, the person will usually "
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
                    "more: “So far you’ve mentioned your health, your daughter and money as "
                    "reasons to cut down. What else?”</li>"
                    "<li><strong>Linking summaries</strong> connect something said now with something "
                    "said earlier, or in a past meeting: “That sounds a lot like what you told me "
                    "last month about feeling left out at family events.”</li>"
                    "<li><strong>Transitional summaries</strong> wrap up one part of a conversation or "
                    "the whole meeting, and often lead to a next step: “Let me see if I’ve "
                    "got the main points… Did I miss anything? So where would you like to go from "
                    "here?”</li>"
                    "</ul>"
                    "<p>Keep summaries short, use the person’s own words where you can, and always "
                    "check: “What did I miss?” When you choose what to include, give a little "
                    "extra weight to anything the person said about wanting or planning to change.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "Tony and the job training program",
                        "situation": "<p>Tony is 52, has been in recovery from methamphetamine use for "
                        "four months and is staying at a shelter. He tells you: “My case manager "
                        "found me a spot in a forklift training program. Part of me wants to go. The "
                        "money would be good and I’m bored out of my mind. But I haven’t "
                        "been in a classroom in thirty years. What if I can’t keep up and "
                        "everyone at the shelter finds out?”</p>",
                        "questions": "<ol>"
                        "<li>Write a simple reflection.</li>"
                        "<li>Write a complex reflection that names a feeling.</li>"
                        "<li>Write a double-sided reflection, ending on the side that leans toward "
                        "change.</li>"
                        "<li>Later in the conversation, how might you summarise?</li>"
                        "</ol>",
                        "discussion": "<p>Simple: “You’ve been offered a spot in forklift "
                        "training.”</p>"
                        "<p>Complex: “You’re worried about being embarrassed if it doesn’t "
                        "go well.”</p>"
                        "<p>Double-sided: “It’s been a long time since you were in a "
                        "classroom, and that feels scary, <em>and</em> you’re ready for something "
                        "that pays and keeps you busy.”</p>"
                        "<p>Summary: “Let me check I’ve got it. You’d like the money "
                        "and something to fill your days, and you’re nervous about keeping up and "
                        "what people might think. Did I miss anything?” Notice that none of these "
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
                    "text": "A person says, “I haven't slept properly in a week.” Which response "
                    "is a complex reflection?",
                    "choices": [
                        ("“You're running on empty, and it's making everything harder.”", True),
                        ("“You haven't slept well this week.”", False),
                        ("“Have you tried cutting out caffeine?”", False),
                        ("“How many hours are you getting?”", False),
                    ],
                    "explanation": "A complex reflection adds a feeling or meaning. The second option is "
                    "a simple reflection, the third is advice and the fourth is a closed question.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these are good practice when making a double-sided reflection? "
                    "(select all that apply)",
                    "choices": [
                        ("Joining the two sides with “and” rather than “but”", True),
                        ("Ending with the side that leans toward change", True),
                        ("Describing both sides fairly", True),
                        ("Pointing out which side is the right one", False),
                    ],
                    "explanation": "A double-sided reflection captures both sides of ambivalence fairly, "
                    "uses “and” so neither side is erased, and ends on the change side. Taking "
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
                    "text": "“Let me check I've got the main points… Did I miss anything? So "
                    "where would you like to go from here?” This is an example of which kind of "
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
                    "<li><strong>Desire</strong>: “I want to feel healthy again.”</li>"
                    "<li><strong>Ability</strong>: “I could probably go to a meeting on "
                    "Tuesdays.”</li>"
                    "<li><strong>Reasons</strong>: “I’d have more money for my kids.”</li>"
                    "<li><strong>Need</strong>: “I have to do something before I lose my "
                    "apartment.”</li>"
                    "<li><strong>Commitment</strong>: “I’m going to call the clinic "
                    "tomorrow.”</li>"
                    "<li><strong>Activation</strong>: “I’m ready to try.”</li>"
                    "<li><strong>Taking steps</strong>: “I threw out the bottles in my "
                    "car.”</li>"
                    "</ul>"
                    "<p>The first four (DARN) are about getting ready. The last three (CAT) show the "
                    "person is starting to move.</p>",
                ),
                ("heading", "Drawing out and responding to change talk"),
                (
                    "paragraph",
                    "<p>You can invite change talk with open questions such as “What would be "
                    "better if you cut down?”, “What worries you about how things are "
                    "now?” or “If things went the way you hoped, what would life look like "
                    "in a year?” A <strong>ruler question</strong> can also help: “On a "
                    "scale from 0 to 10, how important is this change to you?” If the person says "
                    "4, ask “Why a 4 and not a 1?” The answer will be change talk. (Asking "
                    "“Why not a 9?” does the opposite: it invites reasons against "
                    "change.)</p>"
                    "<p>When you hear change talk, don’t let it pass by. Ask for more detail "
                    "(“What else?”), affirm it, reflect it, and include it in your summaries. "
                    "When you hear sustain talk, reflect it too, calmly and without arguing. Arguing "
                    "with sustain talk only produces more of it.</p>",
                ),
                ("heading", "When the conversation gets tense: discord"),
                (
                    "paragraph",
                    "<p>Sometimes the tension is not about the change at all, but about <em>you</em> and "
                    "the relationship. The person argues with you, interrupts, goes quiet, or says "
                    "things like “You don’t get it.” MI calls this "
                    "<strong>discord</strong>. Older books call it “resistance” and talk "
                    "about “rolling with resistance”. Discord is not a flaw in the person. "
                    "It is usually a signal that you have moved ahead of them, pushed too hard, or "
                    "touched something painful.</p>"
                    "<p>Ways to respond to discord:</p>"
                    "<ul>"
                    "<li><strong>Reflect it</strong>: “You’re frustrated with me right "
                    "now.”</li>"
                    "<li><strong>Emphasise their choice</strong>: “It’s your decision. "
                    "Nobody can make it for you.”</li>"
                    "<li><strong>Apologise</strong> when it fits: “I think I got ahead of you "
                    "there. Sorry.”</li>"
                    "<li><strong>Shift focus</strong> to something the person cares about more right "
                    "now.</li>"
                    "</ul>"
                    "<p>What doesn’t work is defending yourself, explaining again more loudly, or "
                    "labelling the person as “in denial”.</p>",
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
                    "using? Graphic “war stories” can trigger cravings or trauma.</li>"
                    "<li><strong>Am I comfortable with this being known?</strong> Once shared, you "
                    "cannot control where your story goes.</li>"
                    "</ul>"
                    "<p>After you share, hand the conversation back: “That’s what helped me. "
                    "I’m curious what you think might fit for you.” Avoid “I know "
                    "exactly how you feel” (you don’t, because their experience is their "
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
                        "some members say people on medication are “not really in recovery”. "
                        "In your session she snaps: “You probably did it the ‘real’ "
                        "way. You don’t get it. Maybe I should just stop the meds and prove "
                        "them wrong.”</p>",
                        "questions": "<ol>"
                        "<li>Is this sustain talk, change talk or discord? How can you tell?</li>"
                        "<li>What could you say first?</li>"
                        "<li>Would you share your own story here? If so, how?</li>"
                        "</ol>",
                        "discussion": "<p>This is mostly <strong>discord</strong>: Rosa is frustrated "
                        "with you and with people who have judged her. Defending yourself or arguing "
                        "would make it worse. Start by reflecting: “It really hurts to be told "
                        "your recovery doesn’t count, and you’re wondering if I think the "
                        "same thing.” Then be clear and honest: “I don’t. There are "
                        "many ways to recover, and medication is one of them.”</p>"
                        "<p>Her idea of stopping the medication is important. It is not your role to "
                        "give medical advice, but you can reflect what matters to her and encourage her "
                        "to talk it through with her prescriber before making any change, since "
                        "stopping suddenly can bring withdrawal and raises the risk of overdose if she "
                        "returns to using.</p>"
                        "<p>If you share, keep it brief and about connection, not comparison: "
                        "“My path was different from yours, and I’ve also had people tell me "
                        "I was doing recovery wrong. It made me want to give up on meetings for a "
                        "while.” Then return the focus: “What would support look like for "
                        "you right now?” You might also help her find meetings or groups that "
                        "welcome people on medication.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>With a study partner playing someone unsure about a change, practise a "
                    "fifteen-minute conversation. Use a ruler question and the follow-up “Why that "
                    "number and not a lower one?”. Your partner should include one moment of "
                    "discord for you to respond to. Afterwards, write your own two-sentence "
                    "“hope story”: what helped you, and what life is like now. Share it with "
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
                        ("“I'd have more money for my kids if I stopped.”", True),
                        ("“Drinking is the only thing that helps me sleep.”", False),
                        ("“Everybody I know drinks like I do.”", False),
                        ("“Now isn't a good time to think about it.”", False),
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
                        ("“Why a 4 and not a 1?”", True),
                        ("“Why not a 9?”", False),
                        ("“Shouldn't it be a 10?”", False),
                        ("“What's stopping you?”", False),
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
        # -------------------------------------------------------------------------------------------
        {
            "slug": "language-self-advocacy",
            "title": "Words that respect: person-first language and self-advocacy",
            "estimated_minutes": 45,
            "training_hours": Decimal("3.0"),
            "domain": "advocacy",
            "body": [
                ("heading", "Why words matter"),
                (
                    "paragraph",
                    "<p>The words we use about substance use shape how people are treated. In a "
                    "well-known study from 2010, researchers gave mental health professionals the same "
                    "short story about a person. In one version he was called a “substance "
                    "abuser”; in the other, a person “with a substance use disorder”. "
                    "Those who read “abuser” were more likely to think he deserved "
                    "punishment rather than treatment. If labels affect trained professionals, they "
                    "affect employers, landlords, judges, families and people in recovery "
                    "themselves.</p>"
                    "<p>As a peer worker, your language is a form of <strong>advocacy</strong>. Every "
                    "time you speak about people with respect, you show others how it is done, and you "
                    "chip away at the stigma that keeps people from asking for help.</p>",
                ),
                ("heading", "Person-first, recovery-oriented language"),
                (
                    "paragraph",
                    "<p><strong>Person-first language</strong> puts the person before the condition. "
                    "Someone is a person <em>with</em> a substance use disorder, not “an "
                    "addict”; a person <em>who uses</em> drugs, not “a user”. Here are "
                    "some common swaps:</p>"
                    "<ul>"
                    "<li>“Addict”, “junkie” or “alcoholic” become "
                    "“person with a substance use disorder”, “person who uses "
                    "drugs” or “person with an alcohol use disorder”.</li>"
                    "<li>“Clean” or “dirty” urine tests become "
                    "“negative” or “positive” results.</li>"
                    "<li>“Clean” (about a person) becomes “in recovery” or "
                    "“not using right now”.</li>"
                    "<li>“Substance abuse” becomes “substance use” or "
                    "“substance use disorder”.</li>"
                    "<li>“Replacement” or “substitution therapy” becomes "
                    "“medication for opioid use disorder” or “medication "
                    "treatment”.</li>"
                    "<li>“Relapsed” can become “returned to use”, which some "
                    "people find carries less shame.</li>"
                    "</ul>"
                    "<p>This is not about being perfect or policing others. It is about noticing the "
                    "message your words send, and choosing words that leave room for hope.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "People choose their own words",
                        "text": "<p>Many people in mutual-help groups introduce themselves as "
                        "“an alcoholic” or “an addict”, and for them it can be an "
                        "act of honesty and belonging. That is their right. Person-first language is "
                        "about how <em>we</em> talk about <em>other</em> people. Listen for the words a "
                        "person uses about themselves, and follow their lead when talking with them.</p>",
                    },
                ),
                ("heading", "What advocacy means for a peer worker"),
                (
                    "paragraph",
                    "<p>Advocacy means standing with someone so their voice is heard and their rights "
                    "are respected. It happens at different levels:</p>"
                    "<ul>"
                    "<li><strong>Self-advocacy</strong>: the person speaks up for themselves. This is "
                    "the goal, because it builds skills and confidence that last long after your work "
                    "together ends.</li>"
                    "<li><strong>Individual advocacy</strong>: you support a particular person to be "
                    "heard, for example by going with them to an appointment at their request.</li>"
                    "<li><strong>Systems advocacy</strong>: working to change policies and practices "
                    "that create barriers for many people, such as a clinic rule that turns away people "
                    "taking medication for opioid use disorder.</li>"
                    "</ul>"
                    "<p>A phrase from the disability and recovery movements sums up the spirit: "
                    "<em>“Nothing about us without us.”</em> Advocacy is done "
                    "<strong>with</strong> people and <strong>at their direction</strong>, never for them "
                    "behind their backs.</p>",
                ),
                ("heading", "How listening builds self-advocacy"),
                (
                    "paragraph",
                    "<p>Your listening skills are advocacy tools. Open questions help you find out what "
                    "the person actually wants, rather than what you assume. Reflections and summaries "
                    "help the person put their needs into clear words they can use with a doctor, "
                    "landlord or caseworker. Affirmations build the confidence to speak up.</p>"
                    "<p>Practical ways to support self-advocacy include: helping the person write down "
                    "their questions before an appointment; practising what they want to say; "
                    "explaining, in plain language, rights they may not know they have, such as the "
                    "right to ask questions, to get a copy of their records, to bring a support person "
                    "where allowed, or to make a complaint; and checking in afterwards about how it "
                    "went.</p>"
                    "<p>Advocacy also means supporting <strong>multiple pathways</strong> to recovery. "
                    "Twelve-step groups such as AA and NA, SMART Recovery, faith-based programs, "
                    "medication treatment, harm reduction, online communities and recovery without any "
                    "formal program have all helped people. Your job is to help people find what fits "
                    "<em>them</em>, not to recruit them to your own path.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Ask before you act",
                        "text": "<p>Always ask the person before you speak on their behalf or share "
                        "anything about them, and follow your agency’s consent rules. Taking over, "
                        "even with good intentions, can leave the person feeling powerless again. The "
                        "<em>Ethics</em> course covers consent and confidentiality in detail.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Dev wants you to talk to his doctor",
                        "situation": "<p>Dev is 29 and lives in a recovery residence. He has read that "
                        "there are medications that can help with alcohol cravings and wants to ask his "
                        "primary care doctor about them. He tells you: “Last time I saw her, she "
                        "called me a drunk and I just froze. Can you come with me and tell her what I "
                        "want? You’re better at talking than me.”</p>",
                        "questions": "<ol>"
                        "<li>What does Dev want, and how would you find out more?</li>"
                        "<li>How can you support him without taking over?</li>"
                        "<li>What could you do about the doctor’s language?</li>"
                        "</ol>",
                        "discussion": "<p>Start by listening. Reflect his experience (“Being "
                        "called a drunk by your own doctor left you feeling shut down”) and "
                        "affirm his initiative (“You’ve done your own research about what "
                        "might help”). Use open questions to find out what he wants to ask and "
                        "what outcome he hopes for.</p>"
                        "<p>Then offer options that build his voice. You could help him write two or "
                        "three questions on his phone, practise the conversation together, and, if your "
                        "agency allows and Dev wants it, go with him as support while he does the "
                        "talking. You might agree on a signal if he freezes, so you can prompt him "
                        "(“Dev, you mentioned you had a question about medication”) rather "
                        "than speak for him. You do not give medical advice about which medication is "
                        "right; that is a conversation between Dev and his doctor.</p>"
                        "<p>On the language, Dev decides what he wants to do. He might choose to tell "
                        "the doctor how it felt, ask to see a different provider, or make a complaint. "
                        "If you notice a pattern of stigmatising treatment affecting many people, raise "
                        "it with your supervisor: that is systems advocacy.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>For one week, notice stigmatising words in everyday life: on the news, in "
                    "paperwork, in your own speech. Write down five examples and a person-first "
                    "alternative for each. Then, with a study partner, role-play helping someone prepare "
                    "for an appointment: use open questions to find out what they want, help them write "
                    "their questions, and let them practise saying them out loud.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "What labels have been used about you, by others or by yourself? How "
                        "did they affect the way you saw your own recovery?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "Which phrase is person-first, recovery-oriented language?",
                    "choices": [
                        ("“A person with a substance use disorder”", True),
                        ("“A substance abuser”", False),
                        ("“An addict”", False),
                        ("“A junkie trying to get clean”", False),
                    ],
                    "explanation": "Person-first language names the person before the condition and "
                    "avoids labels that research links to stigma and punishment.",
                },
                {
                    "type": "true_false",
                    "text": "If someone in a mutual-help meeting introduces themselves as “an "
                    "addict”, a peer worker should correct them.",
                    "answer": False,
                    "explanation": "People have the right to describe themselves as they choose. "
                    "Person-first language guides how we talk about others.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these are ways a peer worker can support self-advocacy? (select all "
                    "that apply)",
                    "choices": [
                        ("Helping the person write down questions before an appointment", True),
                        ("Practising what the person wants to say", True),
                        ("Explaining rights the person may not know about", True),
                        ("Calling the person's doctor without telling them, to sort it out", False),
                        ("Choosing the recovery pathway the person should follow", False),
                    ],
                    "explanation": "Self-advocacy builds the person's own voice. Acting behind their back "
                    "or choosing their path for them takes power away from them.",
                },
                {
                    "type": "single",
                    "text": "A peer worker notices that a local clinic turns away everyone who takes "
                    "medication for opioid use disorder, and raises it with their supervisor and a "
                    "community coalition. What level of advocacy is this?",
                    "choices": [
                        ("Systems advocacy", True),
                        ("Self-advocacy", False),
                        ("Individual advocacy", False),
                        ("Self-disclosure", False),
                    ],
                    "explanation": "Working to change a policy or practice that affects many people is "
                    "systems advocacy.",
                },
                {
                    "type": "short_text",
                    "text": "Instead of calling a urine drug test result “dirty”, what word should you use?",
                    "accepted_answers": ["positive", "a positive result", "positive result", "positive test"],
                    "explanation": "“Positive” and “negative” are accurate and "
                    "neutral. “Dirty” suggests the person themselves is unclean or bad.",
                },
            ],
        },
    ],
    "final_exam": {
        "title": "Active listening and motivational conversation: final assessment",
        "questions": [
            {
                "type": "single",
                "text": "Which of these is NOT one of the OARS skills?",
                "choices": [
                    ("Advice-giving", True),
                    ("Open questions", False),
                    ("Affirmations", False),
                    ("Reflections", False),
                    ("Summaries", False),
                ],
                "explanation": "OARS stands for Open questions, Affirmations, Reflections and Summaries. "
                "Giving advice is not one of the core skills, and unasked-for advice often triggers the "
                "righting reflex in reverse: the person argues back.",
            },
            {
                "type": "multiple",
                "text": "Which statements about reflections are true? (select all that apply)",
                "choices": [
                    ("A reflection is said as a statement rather than a question", True),
                    ("A complex reflection adds a feeling or meaning the person hasn't quite said", True),
                    ("A reflection that guesses wrong can still move the conversation forward", True),
                    ("Every reflection must begin with “It sounds like”", False),
                ],
                "explanation": "Reflections are statements; complex reflections go deeper; a wrong "
                "guess invites correction and more detail. Starters are optional training wheels, not a "
                "rule.",
            },
            {
                "type": "true_false",
                "text": "After a person rates the importance of a change as 5 out of 10, asking "
                "“Why not a 9?” is the best way to draw out change talk.",
                "answer": False,
                "explanation": "“Why not higher?” invites reasons against change. “Why a 5 "
                "and not a 2?” invites the person to explain why the change matters to them.",
            },
            {
                "type": "single",
                "text": "A person says, “I'm going to call the clinic tomorrow morning.” What type "
                "of change talk is this?",
                "choices": [
                    ("Commitment", True),
                    ("Desire", False),
                    ("Need", False),
                    ("Sustain talk", False),
                ],
                "explanation": "A statement of intention to act (“I'm going to…”) is "
                "commitment language, part of the mobilising change talk (CAT).",
            },
            {
                "type": "single",
                "text": "Halfway through a conversation, a person crosses their arms and says, “You "
                "sound just like my mother.” Which response best handles this discord?",
                "choices": [
                    ("“I think I got ahead of you there. This is your call, not mine.”", True),
                    ("“I'm only saying this because I care about you.”", False),
                    ("“Maybe your mother has a point.”", False),
                    ("“Let me explain again why this matters.”", False),
                ],
                "explanation": "Acknowledging that you pushed and emphasising the person's choice "
                "reduces discord. Defending yourself or repeating your point increases it.",
            },
            {
                "type": "short_text",
                "text": "What do the letters MI stand for?",
                "accepted_answers": ["motivational interviewing", "motivational interview"],
                "explanation": "MI stands for motivational interviewing, developed by William R. Miller "
                "and Stephen Rollnick.",
            },
            {
                "type": "true_false",
                "text": "When sharing lived experience, a peer worker should present their own recovery "
                "pathway as the one most likely to work.",
                "answer": False,
                "explanation": "There are many pathways to recovery. Share what helped you briefly, then "
                "help the person explore what fits them.",
            },
            {
                "type": "essay",
                "text": "Dana is 27 and has been referred to your peer program by her probation officer "
                "after an arrest for driving under the influence. At your first meeting she says: "
                "“I'm not an alcoholic. I just got unlucky that night. Everyone drinks like I do. "
                "Honestly, I don't see the point of talking to you, but I have to be here.” Later "
                "she mentions that her seven-year-old son was upset when she missed his school play "
                "because she was hungover, and that she hates feeling like she's letting him down. "
                "Write how you would respond during this first meeting. Include at least one example of "
                "each OARS skill written as the actual words you would say, explain how you would "
                "handle her opening comments, point out any change talk you hear and how you would "
                "respond to it, and say whether and how you would share any of your own lived "
                "experience.",
                "rubric": [
                    {
                        "name": "Spirit and respect",
                        "description": "Responds in partnership and acceptance: respects Dana's autonomy, "
                        "avoids labels, lecturing and the righting reflex, and uses person-first "
                        "language.",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Argues with Dana, labels her, lectures or pressures her to admit a problem.",
                            ),
                            (
                                "Developing",
                                2,
                                "Mostly respectful, but slips into advice, warnings or persuasion in places.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Consistently collaborative and accepting; Dana's choices "
                                "and point of view are clearly respected throughout.",
                            ),
                        ],
                    },
                    {
                        "name": "Use of OARS",
                        "description": "Gives realistic examples, in their own words, of an open "
                        "question, an affirmation, a reflection and a summary that fit this situation.",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Fewer than two OARS skills shown, or examples are closed "
                                "questions or advice labelled as OARS.",
                            ),
                            (
                                "Developing",
                                2,
                                "Most skills shown, but some examples are generic, "
                                "mislabelled or would not fit Dana's words.",
                            ),
                            (
                                "Proficient",
                                4,
                                "All four skills shown with accurate, specific examples that "
                                "build on what Dana actually said.",
                            ),
                        ],
                    },
                    {
                        "name": "Discord and change talk",
                        "description": "Handles the opening discord without arguing, recognises change "
                        "talk (for example her son and not wanting to let him down) and responds in a "
                        "way that strengthens it.",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Argues with the opening comments or misses the change talk entirely.",
                            ),
                            (
                                "Developing",
                                2,
                                "Reflects the discord or notices change talk, but not both, "
                                "or responds to change talk without drawing it out.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Rolls with the discord (reflection, emphasising choice) and "
                                "identifies and strengthens change talk through reflection, affirmation or "
                                "a ruler or open question.",
                            ),
                        ],
                    },
                    {
                        "name": "Purposeful use of lived experience",
                        "description": "Decides thoughtfully whether to share, and if sharing, keeps it "
                        "brief, relevant, hopeful and returns the focus to Dana.",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Shares at length, compares, or presents their own pathway as "
                                "the answer; or gives no thought to self-disclosure.",
                            ),
                            (
                                "Developing",
                                2,
                                "Shares appropriately but without explaining why, or does "
                                "not return the focus to Dana.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Explains the purpose of sharing (or of holding back), keeps "
                                "any sharing brief and hopeful, and hands the conversation back to "
                                "Dana.",
                            ),
                        ],
                    },
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------------------------------
# Course 2: Ethics, boundaries and confidentiality
# ---------------------------------------------------------------------------------------------------

ETHICS_BOUNDARIES = {
    "slug": "ethics-boundaries",
    "title": "Ethics, boundaries and confidentiality",
    "summary": (
        "Learn the ethical foundations of peer work: your code of ethics, healthy boundaries, purposeful "
        "self-disclosure, confidentiality law in plain terms, and caring for your own recovery."
    ),
    "audience": (
        "Peer support trainees who have completed the active listening course and are preparing for "
        "certification and supervised practice."
    ),
    "estimated_hours": Decimal("16.0"),
    "ce_eligible": True,
    "domains": ["ethical-responsibility"],
    "prerequisites": ["active-listening"],
    "intro": (
        "<p>Peer support works because people trust us. They tell us things they have never told "
        "anyone, and they let us into some of the hardest moments of their lives. Ethics is how we "
        "protect that trust.</p>"
        "<p>Ethics in peer work is not about being perfect or knowing every rule by heart. It is about "
        "noticing when a situation needs careful thought, knowing where to find guidance, and asking "
        "for help before acting. Most ethical problems in peer work start small: a friend request, a "
        "loan of twenty dollars, a secret that feels kind to keep. This course helps you spot those "
        "moments early.</p>"
        "<p>You will study the themes found in peer recovery codes of ethics, boundaries and dual "
        "relationships, self-disclosure, gifts and money, social media, confidentiality (including the "
        "federal privacy rules called HIPAA and 42 CFR Part 2, explained in plain language), mandated "
        "reporting, and self-care. Laws and rules differ from state to state and agency to agency, so "
        "throughout the course you will see one message again and again: <strong>know your local rules, "
        "and when in doubt, talk to your supervisor</strong>. This course counts toward the ethics hours "
        "that certification boards require.</p>"
    ),
    "modules": [
        # -------------------------------------------------------------------------------------------
        {
            "slug": "ethics-foundations",
            "title": "Your code of ethics and making good decisions",
            "estimated_minutes": 55,
            "training_hours": Decimal("4.0"),
            "domain": "ethical-responsibility",
            "body": [
                ("heading", "Why ethics matters so much in peer work"),
                (
                    "paragraph",
                    "<p>Peer support is built on mutual relationships. You and the people you serve "
                    "often share experiences, neighbourhoods and even recovery meetings. That closeness "
                    "is a strength, and it also makes the lines less obvious than they are for a doctor "
                    "or counselor. Ethics gives you a map for those grey areas.</p>"
                    "<p>Even in a mutual relationship there is a <strong>difference in power</strong>. "
                    "You represent an agency, you may know private details about the person, you may "
                    "write notes that others read, and your opinion can influence the services they "
                    "get. People early in recovery may also be in crisis, grieving or under pressure "
                    "from courts, families or employers. Ethics is about making sure that power is only "
                    "ever used for the person’s benefit.</p>",
                ),
                ("heading", "Your code of ethics"),
                (
                    "paragraph",
                    "<p>To become certified as a peer recovery specialist, you will sign a code of "
                    "ethics. IC&amp;RC, the international body behind the Peer Recovery credential, "
                    "requires candidates to sign one, and each state board (for example, the Kentucky "
                    "Board of Alcohol and Drug Counselors) adopts its own wording. <strong>Read the "
                    "code you sign carefully and keep a copy.</strong> Breaking it can lead to a "
                    "complaint, the loss of your certification and, most importantly, harm to someone "
                    "who trusted you.</p>"
                    "<p>Codes differ in their details, but most cover the same themes:</p>"
                    "<ul>"
                    "<li><strong>Respect and self-determination.</strong> People have the right to make "
                    "their own choices about their lives and their recovery path.</li>"
                    "<li><strong>Non-discrimination.</strong> You serve everyone fairly regardless of "
                    "race, ethnicity, religion, gender, sexual orientation, disability, age, income, "
                    "immigration status or recovery pathway.</li>"
                    "<li><strong>Honesty and integrity.</strong> You tell the truth, including in "
                    "records and letters, and you do not misrepresent your qualifications.</li>"
                    "<li><strong>Confidentiality.</strong> You protect people’s private "
                    "information and follow privacy laws.</li>"
                    "<li><strong>Boundaries.</strong> You never exploit a relationship for personal, "
                    "sexual, financial or social gain.</li>"
                    "<li><strong>Competence and scope.</strong> You work within the peer role, keep "
                    "learning, and refer people to other professionals when needed.</li>"
                    "<li><strong>Your own wellness.</strong> You look after your recovery and step "
                    "back from work if your own health could harm the people you serve.</li>"
                    "<li><strong>Legal and professional responsibility.</strong> You follow the law, "
                    "including reporting duties, and you take concerns about unethical practice "
                    "seriously.</li>"
                    "</ul>",
                ),
                ("heading", "Staying within the peer role"),
                (
                    "paragraph",
                    "<p>Knowing your <strong>scope of practice</strong>, what your role includes and "
                    "what it does not, protects both you and the people you serve. Peer workers share "
                    "lived experience, offer emotional and practical support, help people set and work "
                    "toward goals, link people to resources, and advocate alongside them. Peer workers "
                    "do <em>not</em> diagnose, provide therapy, prescribe or advise on medication doses, "
                    "or give legal advice. When a question goes beyond your role, the ethical response "
                    "is “That’s a really important question. Let’s figure out who can "
                    "answer it properly,” and then help the person get to that answer.</p>"
                    "<p>You also bring your own beliefs to work. You may have strong views about "
                    "medication treatment, harm reduction or religion, shaped by your own recovery. "
                    "Those views are valid for <em>your</em> life. At work, the person’s choices "
                    "come first. If a person’s choice is hard for you to support, talk it through "
                    "with your supervisor rather than steering the person.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "When in doubt, check it out",
                        "text": "<p>Supervision is one of your most important ethical tools. Needing to "
                        "ask is not a weakness: experienced peer workers consult all the time. A good "
                        "rule: if you would feel uncomfortable telling your supervisor about something "
                        "you did or are thinking of doing, that is exactly the thing to tell them "
                        "about.</p>",
                    },
                ),
                ("heading", "A step-by-step way to make ethical decisions"),
                (
                    "paragraph",
                    "<p>Ethical problems rarely come with a label. When something feels off, these "
                    "steps can help:</p>"
                    "<ol>"
                    "<li><strong>Pause and name the issue.</strong> What exactly is bothering you? "
                    "Whose wellbeing is at stake?</li>"
                    "<li><strong>Check the guidance.</strong> What does your code of ethics say? Your "
                    "agency’s policies? Any law you know of?</li>"
                    "<li><strong>Consult.</strong> Talk to your supervisor. In an emergency, act to keep "
                    "people safe first and consult straight after.</li>"
                    "<li><strong>Consider the options.</strong> List at least two or three possible "
                    "actions and what might happen with each, for the person, for others and for "
                    "you.</li>"
                    "<li><strong>Decide and act</strong>, being as open with the person as you safely "
                    "can.</li>"
                    "<li><strong>Document</strong> what happened and what you did, following your "
                    "agency’s rules.</li>"
                    "<li><strong>Reflect.</strong> What did you learn? What would you do differently "
                    "next time?</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Honesty in records and letters",
                        "text": "<p>You may be asked to write letters or notes for courts, probation, "
                        "employers or housing programs. They must be <strong>accurate</strong>. Writing "
                        "something untrue to help someone, such as saying they attended groups they "
                        "missed, is dishonest, can harm the person later, and can cost you your "
                        "certification. Always follow your agency’s process for letters and get "
                        "the person’s written consent before sharing anything.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Lena's letter for court",
                        "situation": "<p>Lena has a court date next week. Her lawyer has asked for a "
                        "letter showing she has been engaged in peer support. She has come to two of the "
                        "eight group sessions since her referral, though she has texted you a few times. "
                        "She asks: “Can you just say I’ve been coming every week? The judge "
                        "will never check, and if I go back to jail I’ll lose my apartment.”</p>",
                        "questions": "<ol>"
                        "<li>What ethical themes are involved here?</li>"
                        "<li>What are your options?</li>"
                        "<li>How could you respond to Lena in a way that is honest and still "
                        "supportive?</li>"
                        "</ol>",
                        "discussion": "<p>The main themes are <strong>honesty and integrity</strong>, "
                        "<strong>confidentiality and consent</strong>, and <strong>caring about "
                        "Lena’s wellbeing</strong>. Writing a false letter is not an option: it is "
                        "dishonest, could expose Lena to more trouble if discovered, and would break your "
                        "code of ethics.</p>"
                        "<p>Your real options include writing an accurate letter (with her written "
                        "consent and following your agency’s process), or not writing one at all. "
                        "An accurate letter can still be supportive: it can describe the contact she has "
                        "had and her stated goals, if that is what she wants shared. Check with your "
                        "supervisor about your agency’s rules for court letters.</p>"
                        "<p>With Lena, listen first: “You’re scared of losing your apartment, "
                        "and this court date feels huge.” Then be honest: “I can’t "
                        "write something that isn’t true. It could backfire on you and it would "
                        "break the ethics I’ve signed. What I can do is write about what has "
                        "actually happened, and help you think about how to show the judge you’re "
                        "serious from here.” You might also help her plan to attend the groups "
                        "before court, and encourage her to talk with her lawyer.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Get a copy of the code of ethics you will sign (from your certification board "
                    "or supervisor). Read it all the way through and, for each section, write one "
                    "sentence in your own words about what it would look like in everyday peer work. "
                    "Then, with a classmate or supervisor, talk through the Lena scenario using the "
                    "seven decision-making steps, and write down the options you considered.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "Which of your own beliefs about recovery might make it hard to respect "
                        "someone else's choices? How will you notice when that is happening?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "multiple",
                    "text": "Which of these are common themes in peer recovery codes of ethics? (select "
                    "all that apply)",
                    "choices": [
                        ("Respecting self-determination", True),
                        ("Protecting confidentiality", True),
                        ("Working within your scope of practice", True),
                        ("Looking after your own wellness", True),
                        ("Guiding people toward the recovery pathway that worked for you", False),
                    ],
                    "explanation": "Codes commonly cover self-determination, confidentiality, "
                    "competence and scope, and your own wellness. Steering people toward your own "
                    "pathway goes against self-determination.",
                },
                {
                    "type": "single",
                    "text": "A person asks you whether they should lower their buprenorphine dose. What is "
                    "the most appropriate response for a peer worker?",
                    "choices": [
                        (
                            "Listen to their reasons and help them raise the question with their prescriber",
                            True,
                        ),
                        ("Share the dose that worked for you", False),
                        ("Tell them to lower it slowly over a week", False),
                        ("Tell them medication is not real recovery", False),
                    ],
                    "explanation": "Medication advice is outside a peer's scope. You can listen, support "
                    "their right to ask, and help them get an answer from their prescriber.",
                },
                {
                    "type": "true_false",
                    "text": "Because peer support is a mutual relationship, there is no power difference "
                    "between a peer worker and the person they serve.",
                    "answer": False,
                    "explanation": "Peer work is mutual, but you still represent an agency, hold private "
                    "information and can influence services. Ethics keeps that power working for the "
                    "person.",
                },
                {
                    "type": "true_false",
                    "text": "Writing a letter that exaggerates someone's attendance is acceptable if it "
                    "keeps them out of jail.",
                    "answer": False,
                    "explanation": "Letters and records must be accurate. A false letter is dishonest, "
                    "can harm the person if discovered, and breaks your code of ethics.",
                },
                {
                    "type": "short_text",
                    "text": "Who is the first person you should usually consult when you face an ethical "
                    "dilemma at work? (one word)",
                    "accepted_answers": [
                        "supervisor",
                        "my supervisor",
                        "your supervisor",
                        "clinical supervisor",
                    ],
                    "explanation": "Your supervisor is your first source of guidance on ethical questions. "
                    "In an emergency, act to keep people safe and consult straight after.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "boundaries-dual-relationships",
            "title": "Boundaries, dual relationships and self-disclosure",
            "estimated_minutes": 55,
            "training_hours": Decimal("4.0"),
            "domain": "ethical-responsibility",
            "body": [
                ("heading", "What boundaries are for"),
                (
                    "paragraph",
                    "<p>Boundaries are the limits that keep a helping relationship safe and focused on "
                    "the person being helped. They are not walls, and they are not about being cold. "
                    "Good boundaries actually make warmth possible: the person knows what to expect "
                    "from you, and you can care deeply without burning out or getting tangled up.</p>"
                    "<p>Many people in recovery grew up in families or relationships where boundaries "
                    "were blurred or broken. Modelling healthy boundaries is one of the most useful "
                    "things you can offer, because it shows what a respectful relationship looks "
                    "like.</p>",
                ),
                ("heading", "Crossings and violations"),
                (
                    "paragraph",
                    "<p>It helps to tell the difference between two kinds of boundary events:</p>"
                    "<ul>"
                    "<li>A <strong>boundary crossing</strong> is a step outside the usual limits of the "
                    "role that may be harmless or even helpful if done thoughtfully. Examples: going to "
                    "a person’s graduation from a treatment program, or sharing a short piece of "
                    "your story. Crossings should be rare, for the person’s benefit, and open: "
                    "your supervisor should know about them.</li>"
                    "<li>A <strong>boundary violation</strong> harms or exploits the person, or puts "
                    "your needs before theirs. Examples: a romantic or sexual relationship, borrowing "
                    "money, using the person for favours, or keeping secrets about the relationship "
                    "from your supervisor.</li>"
                    "</ul>"
                    "<p>Violations often start as small crossings that slowly add up: a personal phone "
                    "number, then late-night texts, then meeting up “as friends”. This is "
                    "sometimes called the <strong>slippery slope</strong>. Watch for warning signs in "
                    "yourself: thinking about the person a lot outside work, feeling that only you "
                    "understand them, giving them special treatment, hiding details from your "
                    "supervisor, or feeling defensive when someone asks about the relationship.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Four questions to check a boundary",
                        "text": "<ul>"
                        "<li>Whose needs does this meet, theirs or mine?</li>"
                        "<li>Would I do the same for everyone I support?</li>"
                        "<li>Would I be comfortable telling my supervisor about it?</li>"
                        "<li>Is this part of my role, or is it someone else’s job?</li>"
                        "</ul>"
                        "<p>If any answer gives you pause, stop and talk it through before acting.</p>",
                    },
                ),
                ("heading", "Dual relationships"),
                (
                    "paragraph",
                    "<p>A <strong>dual relationship</strong> (also called a multiple relationship) is "
                    "when you have more than one kind of connection with someone: they are both a person "
                    "you serve <em>and</em> your neighbour, cousin, co-worker, landlord, customer or "
                    "fellow member of your home group. In recovery communities, especially small towns, "
                    "some overlap is impossible to avoid. The ethical question is how you manage it.</p>"
                    "<p>Good practice includes:</p>"
                    "<ul>"
                    "<li><strong>Tell your supervisor</strong> as soon as you realise there is another "
                    "connection. Sometimes the best answer is for a colleague to work with the "
                    "person.</li>"
                    "<li><strong>Talk openly with the person</strong> about how you will handle it, "
                    "for example: “If we see each other at a meeting, I’ll leave it to you "
                    "whether to say hello, and I won’t mention our work.”</li>"
                    "<li><strong>Keep roles separate.</strong> Do not become the sponsor of someone you "
                    "serve as a peer worker. A sponsor and a peer worker are different roles with "
                    "different expectations, and mixing them confuses both.</li>"
                    "<li><strong>Protect your own recovery space.</strong> You need places where you "
                    "are simply a member. It is okay to go to a different meeting sometimes.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Romantic and sexual relationships: never",
                        "text": "<p>A romantic or sexual relationship with a person you serve is always a "
                        "violation, even if they start it and even if it feels mutual. Many codes also "
                        "forbid such relationships with former service recipients for a set number of "
                        "years or permanently, and with a person’s close family members. Check the "
                        "exact rule in the code you sign. If you notice feelings developing, talk to your "
                        "supervisor early. Having feelings is human; acting on them is the "
                        "violation.</p>",
                    },
                ),
                ("heading", "Self-disclosure: what to share, and what to keep"),
                (
                    "paragraph",
                    "<p>In the active listening course you learned to share your story briefly, "
                    "hopefully and for the other person’s benefit. Ethically, there is more to "
                    "think about. There is a difference between sharing your <strong>recovery "
                    "story</strong> (what helped, what changed) and sharing <strong>personal "
                    "details</strong> about your current life, such as where you live, your "
                    "relationship problems, your finances or a hard week you are having right now.</p>"
                    "<p>As a rule, keep current personal struggles for your supervisor, your own "
                    "support network and your own recovery program, not for the people you serve. If "
                    "they start worrying about you, the relationship has flipped. Give people your "
                    "work phone number, not your personal one. Never share someone else’s story "
                    "without permission, including stories about other people you have supported, "
                    "even without names.</p>"
                    "<p>Finally, remember that you cannot take back a disclosure. Share only what you "
                    "would be comfortable having repeated to others.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "Carlos asks you to be his sponsor",
                        "situation": "<p>You have been Carlos’s peer support specialist for four "
                        "months. One evening he turns up at your home group, the meeting you have "
                        "attended for years. Afterwards he comes over, clearly pleased to see you, and "
                        "says: “This is perfect. You already know my whole story. Will you be my "
                        "sponsor?”</p>",
                        "questions": "<ol>"
                        "<li>What kind of ethical issue is this?</li>"
                        "<li>How could you respond to Carlos in the moment?</li>"
                        "<li>What should you do afterwards?</li>"
                        "</ol>",
                        "discussion": "<p>This is a <strong>dual relationship</strong>. Carlos is now "
                        "both a person you serve and a fellow member of your meeting, and he is asking "
                        "you to take on a third role. Being his sponsor while also being his peer worker "
                        "would blur both roles: he might not know which “you” he is talking "
                        "to, and things he shares in one setting could affect the other.</p>"
                        "<p>In the moment, affirm him and decline kindly: “I’m really glad "
                        "you came tonight, and I’m honoured you asked. Because I’m your peer "
                        "worker, I can’t be your sponsor too. It wouldn’t be fair to you. "
                        "Can we talk tomorrow about how to find a sponsor who’s a good fit?” "
                        "He has a right to attend any meeting, so do not suggest he leave.</p>"
                        "<p>Afterwards, tell your supervisor. At your next session, agree with Carlos "
                        "how you will both handle seeing each other at the meeting. Think about your own "
                        "needs too: if you no longer feel free to share openly in your home group, you "
                        "might add another meeting where you can simply be a member.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Draw three columns headed “Fine”, “Check with "
                    "supervisor” and “Never”. Sort these into the columns and "
                    "discuss your choices with a classmate or supervisor: giving a ride home in your own "
                    "car; attending a person’s graduation; telling a person about your divorce; "
                    "hugging a person who asks for a hug; going for coffee after your work together "
                    "ends; sharing your personal phone number; dating a person’s sister. Notice "
                    "where your answers differ and what your agency policy says.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "Which boundaries come easily to you, and which are harder to hold? "
                        "What in your own history might explain that?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "Which of these is a boundary violation rather than a boundary crossing?",
                    "choices": [
                        ("Borrowing money from a person you support", True),
                        (
                            "Attending a person's treatment graduation after checking with your supervisor",
                            False,
                        ),
                        ("Briefly sharing what helped you in early recovery", False),
                        ("Walking a person to the bus stop after a meeting", False),
                    ],
                    "explanation": "Borrowing money puts your needs first and can exploit the person. "
                    "The other actions can be thoughtful crossings when they are for the person's "
                    "benefit and done openly.",
                },
                {
                    "type": "multiple",
                    "text": "Which are warning signs that a relationship may be sliding toward a boundary "
                    "violation? (select all that apply)",
                    "choices": [
                        ("Keeping details of the relationship from your supervisor", True),
                        ("Feeling that only you truly understand the person", True),
                        ("Texting the person late at night from your personal phone", True),
                        ("Documenting your contacts as your agency requires", False),
                    ],
                    "explanation": "Secrecy, a sense of being special to the person, and after-hours "
                    "personal contact are classic slippery-slope signs. Documenting contacts is good "
                    "practice.",
                },
                {
                    "type": "true_false",
                    "text": "It is acceptable to be the twelve-step sponsor of someone you currently serve "
                    "as a peer support specialist, as long as you both agree.",
                    "answer": False,
                    "explanation": "Sponsor and peer worker are different roles. Combining them creates a "
                    "dual relationship that blurs expectations and confidentiality.",
                },
                {
                    "type": "true_false",
                    "text": "A romantic relationship with a person you serve is a violation even if the "
                    "person starts it.",
                    "answer": True,
                    "explanation": "Because of the power difference in the helping relationship, the "
                    "responsibility always sits with the peer worker, whoever makes the first move.",
                },
                {
                    "type": "single",
                    "text": "You are having a hard week: your landlord is raising the rent and you feel "
                    "stressed. Where is the best place to talk about this?",
                    "choices": [
                        ("With your supervisor and your own support network", True),
                        ("With the people you support, to show you are human too", False),
                        ("In a group you facilitate, as an example of coping", False),
                        ("Nowhere; peer workers should keep problems to themselves", False),
                    ],
                    "explanation": "Current personal struggles belong with your supervisor and your own "
                    "supports. Sharing them with people you serve can flip the relationship, and keeping "
                    "them bottled up puts your own wellness at risk.",
                },
                {
                    "type": "short_text",
                    "text": "What is the term for having more than one kind of relationship with a person "
                    "you serve (for example, they are also your neighbour)? (two words)",
                    "accepted_answers": [
                        "dual relationship",
                        "dual relationships",
                        "multiple relationship",
                        "multiple relationships",
                        "a dual relationship",
                    ],
                    "explanation": "A dual (or multiple) relationship is not always avoidable, but it must "
                    "be managed openly with your supervisor's help.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "gifts-social-media-self-care",
            "title": "Gifts, money, social media and caring for yourself",
            "estimated_minutes": 55,
            "training_hours": Decimal("4.0"),
            "domain": "ethical-responsibility",
            "body": [
                ("heading", "Gifts"),
                (
                    "paragraph",
                    "<p>People often want to thank someone who has helped them, and in many cultures "
                    "giving a gift is an important way to show respect. Turning down every gift can "
                    "feel hurtful. Accepting gifts freely can create a sense of debt, favouritism or "
                    "pressure. Your <strong>agency’s policy comes first</strong>; many set a small "
                    "value limit or ask that gifts be shared with the whole team. Within that policy, "
                    "think about:</p>"
                    "<ul>"
                    "<li><strong>Value.</strong> A card, a drawing or homemade cookies for the team are "
                    "very different from jewellery or cash.</li>"
                    "<li><strong>Timing.</strong> A small thank-you when services end is different from "
                    "a gift in the middle of your work together, when it could change the "
                    "relationship.</li>"
                    "<li><strong>Meaning.</strong> Is the gift simple gratitude, a cultural custom, or "
                    "an attempt to get special treatment?</li>"
                    "<li><strong>Pattern.</strong> One card is fine; regular gifts need a "
                    "conversation.</li>"
                    "<li><strong>Openness.</strong> Tell your supervisor about any gift, and note it if "
                    "your agency requires.</li>"
                    "</ul>"
                    "<p>If you need to decline, do it warmly and explain that it is a rule that protects "
                    "everyone: “This means so much to me. Our program doesn’t let me accept "
                    "gifts like this, but your thank-you is the best gift there is.”</p>",
                ),
                ("heading", "Money and favours"),
                (
                    "paragraph",
                    "<p>Money is where boundaries most often break down, and the rules are clearer. "
                    "Do not lend money to, or borrow money from, people you serve. Do not sell them "
                    "things, buy things from them, hire them for personal jobs, go into business with "
                    "them, or accept favours such as free car repairs. Gift cards usually count as "
                    "money. Even small amounts can create debts, resentment and power imbalances that "
                    "damage the relationship, and financial exploitation is one of the most common "
                    "reasons for ethics complaints.</p>"
                    "<p>When a person you support is short of money, the helpful response is to link "
                    "them to resources: emergency funds your agency may have, food banks, benefits "
                    "advice or community programs. That supports their independence instead of creating "
                    "dependence on you.</p>",
                ),
                ("heading", "Social media and texting"),
                (
                    "paragraph",
                    "<p>Social media blurs the line between your work life and your private life. "
                    "Most agencies and codes of ethics expect that you will <strong>not connect with "
                    "people you serve on your personal social media accounts</strong>: no friend "
                    "requests, follows or private messages. A connection would give them a window into "
                    "your personal life and give you one into theirs, and either of you might see "
                    "things that change the relationship.</p>"
                    "<p>Other good practices:</p>"
                    "<ul>"
                    "<li>Never post about the people you serve, even without names. In small "
                    "communities, details such as a place or a date can identify someone.</li>"
                    "<li>Use your work phone and agency-approved ways of messaging. Keep texts short and "
                    "practical, and follow your agency’s rules about after-hours contact.</li>"
                    "<li>Do not look people up online out of curiosity. If you come across something "
                    "concerning, such as a post suggesting someone is in danger, follow your "
                    "agency’s procedure rather than responding from a personal account.</li>"
                    "<li>Think carefully before sharing your own recovery story publicly online. It is "
                    "your story and your choice, but the internet does not forget.</li>"
                    "<li>Check your privacy settings regularly.</li>"
                    "</ul>"
                    "<p>When you decline a friend request, do it in person if you can, so it does not "
                    "feel like rejection: “I saw your request. It’s nothing personal. I "
                    "don’t connect with anyone I work with on my personal accounts. It helps keep "
                    "our work together safe.”</p>",
                ),
                ("heading", "Caring for yourself is an ethical duty"),
                (
                    "paragraph",
                    "<p>Peer work is meaningful, and it is also demanding. You hear painful stories, "
                    "some of which echo your own. You may see people return to use, lose housing or "
                    "die. Over time this can lead to <strong>compassion fatigue</strong> (emotional "
                    "exhaustion from caring), <strong>vicarious trauma</strong> (being affected by "
                    "others’ trauma as if it were your own) and <strong>burnout</strong>.</p>"
                    "<p>Watch for warning signs: dreading work, feeling numb or cynical about the people "
                    "you serve, irritability, trouble sleeping, pulling away from your own supports, "
                    "skipping your own recovery activities, or thoughts of using. These are signals, "
                    "not failures.</p>"
                    "<p>Most codes of ethics treat self-care as part of your professional duty, "
                    "because a peer worker who is struggling can miss warning signs, cross boundaries "
                    "or make poor decisions. Protect your wellbeing with a written plan: your own "
                    "recovery supports, regular supervision, clear working hours, time off that is "
                    "really off, and people outside work you can talk to.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "If your own recovery is at risk",
                        "text": "<p>If you return to use, or your mental health is getting worse, the "
                        "ethical step is to get help and talk to your supervisor, and to step back from "
                        "direct work for a while if needed. Many agencies have a plan for this. It does "
                        "not have to end your career. Your code of ethics and your certification board "
                        "may have specific rules, so know what yours says before you need it.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Angela's goodbye",
                        "situation": "<p>Angela has just finished the peer support program after six "
                        "months. At your last meeting she gives you a handmade card and a $50 gift card "
                        "to a restaurant. That evening you get a friend request from her on Facebook "
                        "with a message: “Now that we’re done, we can finally be real "
                        "friends!”</p>",
                        "questions": "<ol>"
                        "<li>What would you do about the card and the gift card?</li>"
                        "<li>How would you respond to the friend request?</li>"
                        "<li>Who else should know?</li>"
                        "</ol>",
                        "discussion": "<p>The handmade card is a small, personal thank-you, and most "
                        "agencies would let you keep it. The $50 gift card is effectively money: check "
                        "your policy, but you will almost certainly need to decline it or hand it to "
                        "your supervisor. Do it warmly: “This means a lot. I’m not able to "
                        "keep the gift card, but I’m keeping your card on my desk.”</p>"
                        "<p>Do not accept the friend request from your personal account. Even though "
                        "services have ended, Angela may come back to the program, and a friendship "
                        "formed so soon can confuse the relationship and her ongoing recovery supports. "
                        "If you can, tell her in a call or note through agency channels, rather than "
                        "simply ignoring it: “It’s nothing personal. I don’t connect "
                        "with people from work on my personal accounts. I’m so glad for how far "
                        "you’ve come, and the door here is always open.” You might mention "
                        "alumni groups or community recovery events where she can stay connected.</p>"
                        "<p>Tell your supervisor about both the gift and the request, and document them "
                        "if your agency requires it.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Find and read your agency’s policies on gifts, social media and "
                    "after-hours contact (or a sample policy your trainer provides). Then write your "
                    "own self-care plan on one page: three warning signs that you are getting "
                    "overwhelmed, three things that help you recover, two people you can call, and how "
                    "you will use supervision. Share it with your supervisor or a trusted classmate.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "How do you usually know when you are running on empty? What is one "
                        "thing you will do this week for your own recovery and wellbeing?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "A person you support offers you $20 “for gas” because you often meet "
                    "them across town. What should you do?",
                    "choices": [
                        ("Thank them warmly and decline, and tell your supervisor", True),
                        ("Accept it, since it only covers your costs", False),
                        ("Accept it but don't mention it to anyone", False),
                        ("Suggest they buy you lunch instead", False),
                    ],
                    "explanation": "Accepting money, even small amounts, creates a financial tie that can "
                    "change the relationship. Decline kindly and be open with your supervisor.",
                },
                {
                    "type": "multiple",
                    "text": "Which factors should you weigh when deciding about a gift, within your "
                    "agency's policy? (select all that apply)",
                    "choices": [
                        ("Its value", True),
                        ("Its timing in the relationship", True),
                        ("Its cultural meaning for the giver", True),
                        ("Whether anyone would ever find out", False),
                    ],
                    "explanation": "Value, timing, meaning and pattern all matter, and gifts should "
                    "always be handled openly. Secrecy is a warning sign, not a factor to weigh.",
                },
                {
                    "type": "true_false",
                    "text": "Posting about a person you serve is acceptable as long as you leave out their "
                    "name.",
                    "answer": False,
                    "explanation": "In small communities, details such as places, dates or events can "
                    "identify someone. Do not post about the people you serve at all.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these can be warning signs of compassion fatigue or burnout? (select "
                    "all that apply)",
                    "choices": [
                        ("Dreading going to work", True),
                        ("Feeling numb or cynical about the people you serve", True),
                        ("Skipping your own recovery activities", True),
                        ("Taking regular time off and using supervision", False),
                    ],
                    "explanation": "Dread, numbness, cynicism and pulling away from your own supports are "
                    "common warning signs. Time off and supervision are protective.",
                },
                {
                    "type": "short_text",
                    "text": "What term describes being emotionally affected by other people's trauma, as "
                    "if it were your own? (two words)",
                    "accepted_answers": [
                        "vicarious trauma",
                        "vicarious traumatization",
                        "secondary trauma",
                        "secondary traumatic stress",
                    ],
                    "explanation": "Vicarious (or secondary) trauma can build up from hearing many painful "
                    "stories. Supervision and self-care help prevent it.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "confidentiality-reporting",
            "title": "Confidentiality, privacy law and when you must speak up",
            "estimated_minutes": 60,
            "training_hours": Decimal("4.0"),
            "domain": "ethical-responsibility",
            "body": [
                ("heading", "Why confidentiality matters so much"),
                (
                    "paragraph",
                    "<p>For people who use drugs or are in recovery, privacy is not just about feeling "
                    "comfortable. If the wrong person finds out, they can lose a job, housing, custody "
                    "of their children or their standing in the community. Stigma is real, and fear of "
                    "being exposed keeps many people from seeking help. When people trust that what "
                    "they tell you is protected, they can be honest, and honesty is where recovery "
                    "work happens.</p>"
                    "<p>The basic principle is simple: <strong>what people share with you belongs to "
                    "them</strong>. You share it only when they have agreed, or when the law and your "
                    "agency’s policy allow or require it, and then only what is needed.</p>",
                ),
                ("heading", "Confidentiality in everyday practice"),
                (
                    "paragraph",
                    "<p>Most privacy mistakes are not dramatic. They happen in waiting rooms, lifts, "
                    "group chats and coffee shops. Everyday habits that protect people include:</p>"
                    "<ul>"
                    "<li>Do not talk about people you serve where others can hear, including in "
                    "recovery meetings and at home.</li>"
                    "<li>If someone asks whether a person is in your program, do not confirm or deny "
                    "it unless you have written consent. “I’m not able to say who does or "
                    "doesn’t use our services” protects everyone equally.</li>"
                    "<li>If you see a person you serve in public, let them decide whether to say "
                    "hello.</li>"
                    "<li>Keep notes and devices secure: lock your screen, do not leave papers in your "
                    "car, and use only agency-approved apps and phones for messages.</li>"
                    "<li>Share within your team only what colleagues need to know to support the "
                    "person.</li>"
                    "<li>In groups, ask members to keep what they hear in the room, and be honest that "
                    "you cannot guarantee that every member will.</li>"
                    "</ul>",
                ),
                ("heading", "HIPAA in plain language"),
                (
                    "paragraph",
                    "<p><strong>HIPAA</strong> is a US federal law. Its Privacy Rule protects health "
                    "information held by most health care providers, health plans and the companies "
                    "that work for them. It gives people rights over their information, such as the "
                    "right to see and get a copy of their records, to ask for corrections, and to learn "
                    "who their information has been shared with. HIPAA allows providers to share "
                    "information for treatment, payment and running their services, and in some other "
                    "specific situations, such as to prevent a serious and imminent threat to "
                    "someone’s safety. Your agency will have a privacy officer and written "
                    "policies that explain how HIPAA applies to your work. The US Department of Health "
                    "and Human Services has plain-language guides at "
                    '<a href="https://www.hhs.gov/hipaa/for-individuals/index.html">hhs.gov/hipaa</a>.</p>',
                ),
                ("heading", "42 CFR Part 2: extra protection for substance use records"),
                (
                    "paragraph",
                    "<p><strong>42 CFR Part 2</strong> (often just called “Part 2”) is a "
                    "federal rule that gives extra protection to records from substance use disorder "
                    "treatment programs that receive federal support. It exists because people would "
                    "avoid treatment if their records could easily be used against them. The key "
                    "points in plain terms:</p>"
                    "<ul>"
                    "<li>In general, a program covered by Part 2 needs the person’s "
                    "<strong>written consent</strong> before sharing information that identifies them "
                    "as having a substance use disorder, and that includes simply saying that they are "
                    "a client.</li>"
                    "<li>A valid consent form must say who may share the information, what may be "
                    "shared, with whom, for what purpose, and when the consent ends. The person can "
                    "take back (revoke) their consent.</li>"
                    "<li>There are narrow exceptions, such as a genuine medical emergency, reporting "
                    "suspected child abuse or neglect as state law requires, and certain special court "
                    "orders. An ordinary subpoena on its own is not enough.</li>"
                    "<li>Part 2 records generally cannot be used to investigate or prosecute the person "
                    "without their consent or a special court order.</li>"
                    "</ul>"
                    "<p>The rule was updated in 2024 to line up more closely with HIPAA (for example, "
                    "allowing one consent to cover treatment, payment and health care operations), but "
                    "its core protections remain. Whether Part 2 applies to your particular program is "
                    "a question for your agency. If you are unsure, treat substance use information as "
                    "Part 2 protected and ask your supervisor or privacy officer.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Never promise total secrecy",
                        "text": "<p>It is tempting to say “Whatever you tell me stays between "
                        "us.” Don’t. You work as part of a team, you keep records, and there "
                        "are situations where you must share information. At the start of your work with "
                        "someone, explain the limits in plain words, for example: “What you tell "
                        "me stays private within our program, with a few exceptions: if a child or "
                        "vulnerable adult is being harmed, if you’re at serious risk of harming "
                        "yourself or someone else, or if a court orders it. If any of those come up, "
                        "I’ll try to talk with you first.” Use your agency’s exact "
                        "wording if it has one.</p>",
                    },
                ),
                ("heading", "Mandated reporting: know your local rules"),
                (
                    "paragraph",
                    "<p>Every US state has laws requiring certain people to report suspected abuse or "
                    "neglect of a child to child protective services or the police. Many states have "
                    "similar laws for older adults and adults with disabilities. <strong>Who must report "
                    "differs by state.</strong> In some states the duty falls on named professions; in "
                    "others, including Kentucky, <em>anyone</em> who has reasonable cause to suspect that "
                    "a child is being abused or neglected must report it. Your agency will tell you the "
                    "rules that apply to you and the number to call.</p>"
                    "<p>If someone tells you something that might need reporting: stay calm and "
                    "listen; do not investigate or question the child or family yourself; do not "
                    "promise to keep it secret; tell your supervisor right away; and make or support "
                    "the report as your law and policy require. Report what you heard and saw, not "
                    "guesses. Where it is safe, be open with the person that a report is being made. "
                    "Reporting is not a punishment; it is a way to get help to someone who cannot "
                    "protect themselves.</p>",
                ),
                ("heading", "Duty to warn and protect"),
                (
                    "paragraph",
                    "<p>Sometimes a person says they intend to seriously harm a specific, identifiable "
                    "person. After a famous 1976 California court case (<em>Tarasoff</em>), many states "
                    "created a “duty to warn or protect”. In some states it is required, in "
                    "others it is allowed but not required, and laws usually name specific professions "
                    "such as mental health professionals. Whether it applies to peer workers depends on "
                    "your state and agency. What does not change: <strong>take any threat seriously, "
                    "tell your supervisor immediately, and call 911 if someone is in immediate "
                    "danger</strong>. Do not try to decide on your own whether the law applies. Risk "
                    "of harm to oneself, including suicide, is covered in the <em>Crisis response</em> "
                    "course.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "A worried mother on the phone",
                        "situation": "<p>You answer the program phone. A woman says: “This is "
                        "James’s mom. I know he comes to your group on Tuesdays. Did he come "
                        "today? He hasn’t answered my calls and I’m scared he’s using "
                        "again.” James has not signed any consent to share information with his "
                        "family.</p>",
                        "questions": "<ol>"
                        "<li>What can you tell her?</li>"
                        "<li>How can you respond with compassion?</li>"
                        "<li>What should you do after the call?</li>"
                        "</ol>",
                        "discussion": "<p>Without James’s written consent, you cannot confirm or "
                        "deny that he attends the program, let alone whether he came today. This is true "
                        "even though she already seems to know. A kind, clear response: “I can "
                        "hear how worried you are. I’m not able to say whether any particular "
                        "person uses our services. That’s a rule that protects everyone. What I "
                        "can do is tell you about support for families.” You could share general "
                        "information about family support groups, and how to get naloxone.</p>"
                        "<p>If she says something that suggests an emergency, such as that he may have "
                        "overdosed at home, tell her to call 911 right away. That does not require you "
                        "to share anything about James.</p>"
                        "<p>Afterwards, tell your supervisor and document the call as your agency "
                        "requires. If you have contact with James, you may let him know someone called "
                        "asking about him and ask whether he would like to sign a consent so you can "
                        "talk with his mother. It is his choice.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Something Maria says in passing",
                        "situation": "<p>During a check-in, Maria mentions that her boyfriend "
                        "“loses it” with her four-year-old son and last week left bruises on "
                        "his arm. She quickly adds, “Please don’t tell anyone. If CPS gets "
                        "involved they’ll take him away from me.”</p>",
                        "questions": "<ol>"
                        "<li>Can you keep this confidential?</li>"
                        "<li>What should you say to Maria?</li>"
                        "<li>What are your next steps?</li>"
                        "</ol>",
                        "discussion": "<p>No. What Maria describes is reasonable cause to suspect child "
                        "abuse, which every state requires certain people to report, and which Part 2 "
                        "specifically allows to be reported. Be honest and caring: “I can tell how "
                        "much you love your son and how scared you are. Because a child may be getting "
                        "hurt, I can’t keep this between us. I have to talk to my supervisor, and "
                        "a report will need to be made. I’ll stay with you through this, and "
                        "protecting him is also about supporting you.”</p>"
                        "<p>Tell your supervisor immediately and follow your agency’s procedure "
                        "and state law for making the report. Do not question the child or confront "
                        "the boyfriend. Maria may also be at risk herself, so, with your supervisor, "
                        "think about how to connect her with domestic violence support and safety "
                        "planning. Document what she said in her own words.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Ask your supervisor for your agency’s consent form and confidentiality "
                    "policy. Find out: who your privacy officer is; whether your program is covered "
                    "by 42 CFR Part 2; who in your state must report suspected child abuse and how; and "
                    "what your agency expects if someone threatens to harm another person. Then practise "
                    "explaining the limits of confidentiality, out loud, to a classmate in under one "
                    "minute, in words a newcomer would understand.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "Has your own privacy ever been broken, in treatment, at work or in "
                        "your community? How does that experience shape the way you will protect other "
                        "people's information?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "A caller asks whether their brother is a client of your substance use "
                    "program. He has not signed a consent form. What should you say?",
                    "choices": [
                        ("That you are not able to say who does or doesn't use the program's services", True),
                        ("That he is a client, but you can't share anything more", False),
                        ("That he is not a client, to protect his privacy", False),
                        ("Whatever the caller needs to hear to feel reassured", False),
                    ],
                    "explanation": "Without written consent, you can neither confirm nor deny that "
                    "someone is a client. Even saying he is a client reveals protected information, and "
                    "saying he is not would be dishonest.",
                },
                {
                    "type": "multiple",
                    "text": "Under 42 CFR Part 2, which of these are situations where information may be "
                    "shared without the person's written consent? (select all that apply)",
                    "choices": [
                        ("A genuine medical emergency", True),
                        ("Reporting suspected child abuse or neglect as state law requires", True),
                        ("A special court order that meets Part 2's requirements", True),
                        ("An ordinary subpoena on its own", False),
                        ("A family member who says they are worried", False),
                    ],
                    "explanation": "Part 2's exceptions are narrow: medical emergencies, child abuse "
                    "reporting, special court orders and a few others. A subpoena alone, or a family "
                    "member's worry, is not enough.",
                },
                {
                    "type": "true_false",
                    "text": "To build trust, it is good practice to tell a new person that everything they "
                    "say will stay strictly between the two of you.",
                    "answer": False,
                    "explanation": "There are legal and safety limits to confidentiality, and you work as "
                    "part of a team. Explain the limits honestly at the start instead.",
                },
                {
                    "type": "true_false",
                    "text": "Who is required to report suspected child abuse is the same in every US state.",
                    "answer": False,
                    "explanation": "It differs by state. In some states, such as Kentucky, everyone must "
                    "report; in others, the duty falls on named professions. Know your local rules.",
                },
                {
                    "type": "single",
                    "text": "A person tells you they are going to hurt their ex-partner tonight. What "
                    "should you do?",
                    "choices": [
                        (
                            "Take it seriously, tell your supervisor immediately, and call 911 if there is "
                            "immediate danger",
                            True,
                        ),
                        ("Keep it confidential, because it was said in a private session", False),
                        ("Decide for yourself whether your state's duty-to-warn law applies", False),
                        ("Contact the ex-partner yourself from your personal phone", False),
                    ],
                    "explanation": "Threats to harm an identifiable person must be taken seriously and "
                    "passed to your supervisor at once. Call 911 if someone is in immediate danger.",
                },
                {
                    "type": "short_text",
                    "text": "What is the short name of the federal regulation that gives extra protection "
                    "to substance use disorder treatment records? (for example, “42 CFR …”)",
                    "accepted_answers": [
                        "42 cfr part 2",
                        "part 2",
                        "42 cfr 2",
                        "cfr part 2",
                        "42cfr part 2",
                        "42 cfr part two",
                        "part two",
                    ],
                    "explanation": "42 CFR Part 2 protects substance use disorder treatment records and "
                    "generally requires written consent before they are shared.",
                },
            ],
        },
    ],
    "final_exam": {
        "title": "Ethics, boundaries and confidentiality: final assessment",
        "questions": [
            {
                "type": "multiple",
                "text": "Which of these are within a peer support specialist's scope of practice? "
                "(select all that apply)",
                "choices": [
                    ("Sharing lived experience to offer hope", True),
                    ("Helping a person connect with housing resources", True),
                    ("Supporting a person to prepare questions for their doctor", True),
                    ("Diagnosing a mental health condition", False),
                    ("Advising a person on their medication dose", False),
                ],
                "explanation": "Peer workers share experience, support, link to resources and advocate. "
                "Diagnosis and medication advice belong to licensed clinicians.",
            },
            {
                "type": "single",
                "text": "You realise a new person assigned to you is your cousin's ex-partner. What is "
                "the best first step?",
                "choices": [
                    ("Tell your supervisor so you can decide together how to manage it", True),
                    ("Say nothing, since you will keep the two relationships separate", False),
                    ("End services with the person immediately without explanation", False),
                    ("Ask your cousin what they think", False),
                ],
                "explanation": "Dual relationships should be raised with your supervisor as soon as you "
                "notice them. Reassigning the person may be the answer, but decide openly and with "
                "support. Asking your cousin would break confidentiality.",
            },
            {
                "type": "true_false",
                "text": "Accepting a Facebook friend request from a person you currently serve is fine "
                "if you never post about work.",
                "answer": False,
                "explanation": "Connecting on personal social media blurs the relationship in both "
                "directions. Most agencies and codes expect you not to connect with people you serve "
                "on personal accounts.",
            },
            {
                "type": "single",
                "text": "Which statement about 42 CFR Part 2 is accurate?",
                "choices": [
                    (
                        "It generally requires written consent before a covered program shares information "
                        "identifying someone as having a substance use disorder",
                        True,
                    ),
                    ("It only protects information about illegal drug use, not alcohol", False),
                    ("It allows programs to share records with anyone who sends a subpoena", False),
                    ("It was replaced entirely by HIPAA in 2024", False),
                ],
                "explanation": "Part 2 protects records of covered substance use disorder programs, "
                "including alcohol. The 2024 update aligned it more closely with HIPAA but kept its "
                "core consent protections; a subpoena alone is not enough.",
            },
            {
                "type": "multiple",
                "text": "A person you support mentions that their elderly neighbour, whom they help care "
                "for, is being left without food by her son. Which are appropriate steps? (select all "
                "that apply)",
                "choices": [
                    ("Tell your supervisor right away", True),
                    ("Follow your state's rules and agency policy on reporting adult abuse or neglect", True),
                    ("Write down what you were told, in the person's words", True),
                    ("Visit the neighbour's home to investigate", False),
                    ("Promise the person you will keep it to yourself", False),
                ],
                "explanation": "Many states require reporting of suspected neglect of vulnerable adults. "
                "Consult your supervisor, follow local rules and document facts. Do not investigate "
                "yourself or promise secrecy.",
            },
            {
                "type": "short_text",
                "text": "What is the name of the federal law whose Privacy Rule gives people the right "
                "to see and get a copy of their health records? (acronym)",
                "accepted_answers": ["hipaa", "hippa", "the hipaa privacy rule", "hipaa privacy rule"],
                "explanation": "HIPAA, the Health Insurance Portability and Accountability Act, includes "
                "the Privacy Rule that protects health information and gives people rights over it.",
            },
            {
                "type": "true_false",
                "text": "If a peer worker returns to use, the ethical step is to seek help and talk to "
                "their supervisor, stepping back from direct work if needed.",
                "answer": True,
                "explanation": "Codes of ethics ask peer workers to look after their own recovery and "
                "not to work while impaired. Being honest and getting help protects everyone and need "
                "not end a career.",
            },
            {
                "type": "essay",
                "text": "Jamie is 30 and has been in your outpatient program for five months. When she "
                "enrolled she signed the program's consent allowing information to be shared within her "
                "treatment team, and you explained the limits of confidentiality. Today she tells you, "
                "in tears, that she used heroin twice last weekend after a fight with her sister. She "
                "begs you: “Please don't tell my counselor. She'll write it down and I'll lose my "
                "weekend visits with my kids. You're the only one I trust. You've been there. "
                "Promise me.” She says she is not planning to use again but still has “a "
                "little left” at home. Write what you would say to Jamie and what you would do "
                "afterwards. Explain the ethical principles, rules and safety concerns that guide your "
                "choices.",
                "rubric": [
                    {
                        "name": "Honesty about confidentiality",
                        "description": "Does not make a false promise; explains kindly and accurately "
                        "how information is handled within the team and why, with reference to the "
                        "consent Jamie signed and agency policy.",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Promises to keep the secret, or shares with others outside "
                                "the team or without regard to consent.",
                            ),
                            (
                                "Developing",
                                2,
                                "Avoids a false promise but is vague or inaccurate about "
                                "what will be shared and with whom.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Clearly and compassionately explains the limits, refers to "
                                "the team consent and policy, and shows how Jamie can keep some control "
                                "over how it is shared.",
                            ),
                        ],
                    },
                    {
                        "name": "Person-centred response",
                        "description": "Uses listening skills and a non-judgemental stance; affirms her "
                        "honesty; supports her autonomy, for example by offering to support her in "
                        "telling her counselor herself.",
                        "levels": [
                            ("Not yet", 0, "Judges, lectures or shames Jamie, or focuses only on rules."),
                            (
                                "Developing",
                                2,
                                "Shows empathy but offers few concrete ways to support "
                                "Jamie's choice and voice.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Reflects her fear, affirms her honesty, and offers real "
                                "options (such as telling her counselor together) that keep her in charge "
                                "where possible.",
                            ),
                        ],
                    },
                    {
                        "name": "Safety and overdose risk",
                        "description": "Recognises that returning to use after a period of abstinence "
                        "raises overdose risk because tolerance is lower, and responds within the peer "
                        "role: naloxone, not using alone, checking for crisis, linking to care.",
                        "levels": [
                            ("Not yet", 0, "Does not mention overdose risk or safety at all."),
                            ("Developing", 2, "Mentions safety in general terms without concrete steps."),
                            (
                                "Proficient",
                                4,
                                "Names lowered tolerance and overdose risk, makes sure Jamie "
                                "has naloxone and knows how to use it, checks how she is coping, and "
                                "follows agency harm reduction and crisis procedures.",
                            ),
                        ],
                    },
                    {
                        "name": "Consultation and documentation",
                        "description": "Consults the supervisor, follows agency policy, documents "
                        "accurately, and explains the ethical principles involved (honesty, "
                        "self-determination, team care, boundaries).",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Acts alone without consultation, or documents inaccurately or not at all.",
                            ),
                            (
                                "Developing",
                                2,
                                "Mentions the supervisor or documentation but does not link "
                                "actions to ethical principles.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Consults the supervisor promptly, documents accurately per "
                                "policy, and clearly connects each step to the relevant ethical "
                                "principles.",
                            ),
                        ],
                    },
                ],
            },
        ],
    },
}

# ---------------------------------------------------------------------------------------------------
# Course 3: Crisis response: suicide risk, overdose and de-escalation
# ---------------------------------------------------------------------------------------------------

CRISIS_RESPONSE = {
    "slug": "crisis-response",
    "title": "Crisis response: suicide risk, overdose and de-escalation",
    "summary": (
        "Learn to recognise and respond to the crises peer workers meet most often: suicidal thoughts, "
        "opioid overdose and escalating distress, and how to connect people to the right help and "
        "follow up afterwards."
    ),
    "audience": (
        "Peer support trainees who have completed the active listening course and will work directly "
        "with people in community, clinic, hospital or outreach settings."
    ),
    "estimated_hours": Decimal("13.5"),
    "ce_eligible": True,
    "domains": ["recovery-wellness-support", "advocacy"],
    "prerequisites": ["active-listening"],
    "intro": (
        "<p>Sooner or later, every peer worker meets someone in crisis. It might be a text that sounds "
        "like a goodbye, a person slumped and not breathing in a restroom, or someone shouting in a "
        "waiting room. In those moments, what you do in the first few minutes matters, and so does "
        "what you do in the days after.</p>"
        "<p>This course gives you clear, practical steps: how to spot suicide warning signs and ask "
        "about suicide directly; how to support safety planning and use the 988 Suicide &amp; Crisis "
        "Lifeline; how to recognise an overdose and respond with naloxone; how to calm a tense "
        "situation safely; and how to hand over to clinical or emergency services, follow up, and look "
        "after yourself.</p>"
        "<p>Two things to hold on to throughout. First, <strong>you are not alone and you are not the "
        "last line of defence</strong>: your job is to notice, stay, connect and follow up, within your "
        "agency’s procedures. Second, <strong>when a life is in immediate danger, call "
        "911</strong>. This course does not replace certified training such as CPR or a suicide "
        "prevention program your state may require, and we encourage you to take those too.</p>"
        "<p>Some of this material may bring up memories of your own or of people you have lost. Go at "
        "your own pace, take breaks, and reach out to your supports. If you are struggling, you can "
        "call or text <strong>988</strong> at any time.</p>"
    ),
    "modules": [
        # -------------------------------------------------------------------------------------------
        {
            "slug": "suicide-warning-signs",
            "title": "Suicide risk: noticing warning signs and asking directly",
            "estimated_minutes": 45,
            "training_hours": Decimal("2.5"),
            "domain": "recovery-wellness-support",
            "body": [
                ("heading", "Why this matters in peer work"),
                (
                    "paragraph",
                    "<p>People who use alcohol or drugs are at much higher risk of suicide than the "
                    "general population. Substance use can deepen depression, lower inhibitions and "
                    "make impulsive actions more likely, and some overdoses are intentional or "
                    "somewhere in between. Peer workers often see people at their most vulnerable "
                    "moments and may be the first to notice that something is wrong.</p>"
                    "<p>The good news is that suicide is preventable. Suicidal crises often pass, "
                    "and most people who get through one go on to live their lives. A caring person "
                    "who notices, asks and connects can make the difference.</p>",
                ),
                ("heading", "Risk factors and warning signs"),
                (
                    "paragraph",
                    "<p><strong>Risk factors</strong> are background conditions that make suicide more "
                    "likely over time, such as a previous suicide attempt, depression or other mental "
                    "health conditions, substance use, chronic pain, trauma, isolation, and easy access "
                    "to lethal means like firearms. For people in recovery, some moments carry extra "
                    "risk: after a return to use (when shame can be overwhelming), after an overdose, "
                    "after leaving treatment, hospital or jail, and after losing a job, relationship or "
                    "housing.</p>"
                    "<p><strong>Warning signs</strong> suggest someone may be at risk <em>now</em>. The "
                    "988 Suicide &amp; Crisis Lifeline lists these:</p>"
                    "<ul>"
                    "<li>Talking about wanting to die or to kill themselves</li>"
                    "<li>Looking for a way to kill themselves, such as searching online or getting a "
                    "gun or stockpiling pills</li>"
                    "<li>Talking about feeling hopeless or having no reason to live</li>"
                    "<li>Talking about feeling trapped or being in unbearable pain</li>"
                    "<li>Talking about being a burden to others</li>"
                    "<li>Increasing their use of alcohol or drugs</li>"
                    "<li>Acting anxious or agitated, or behaving recklessly</li>"
                    "<li>Sleeping too little or too much</li>"
                    "<li>Withdrawing or isolating themselves</li>"
                    "<li>Showing rage or talking about seeking revenge</li>"
                    "<li>Extreme mood swings</li>"
                    "</ul>"
                    "<p>Also watch for people giving away belongings, saying goodbye, putting their "
                    "affairs in order, or cancelling future plans, and for a sudden calm after a long "
                    "period of distress. The more signs you see, and the newer or more intense they "
                    "are, the more urgent it is to ask.</p>",
                ),
                ("heading", "Ask directly"),
                (
                    "paragraph",
                    "<p>Many people worry that asking about suicide will put the idea into "
                    "someone’s head. Research shows it does not. Being asked directly and "
                    "calmly often brings relief, because the person no longer has to carry the secret "
                    "alone.</p>"
                    "<p>Use clear words. You can lead in gently, then ask plainly:</p>"
                    "<ul>"
                    "<li>“Sometimes when people are going through as much as you are, they think "
                    "about ending their life. Are you thinking about suicide?”</li>"
                    "<li>“Are you thinking about killing yourself?”</li>"
                    "</ul>"
                    "<p>Avoid vague or leading questions like “You’re not thinking of doing "
                    "anything stupid, are you?” They signal that you want to hear “no”, "
                    "and that is what you will usually get.</p>"
                    "<p>If the answer is yes, stay calm. Thank them for telling you. Listen without "
                    "arguing, lecturing or telling them how much they have to live for. Use your "
                    "reflections: “You’ve been carrying so much pain, and you’re "
                    "exhausted.” Do not promise to keep it secret. If your agency has trained you "
                    "in a screening tool such as the Columbia Protocol (C-SSRS), use it as trained. "
                    "Otherwise, it is appropriate to ask whether they have thought about how, and "
                    "whether they have access to the means, because that tells you and the "
                    "professionals how urgent the situation is.</p>"
                    "<p>Then <strong>connect them to help, following your agency’s "
                    "procedure</strong>: involve your supervisor or an on-call clinician right away, "
                    "and offer to call or text 988 together. The next module covers safety planning "
                    "and 988 in detail.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "If the danger is immediate",
                        "text": "<p>If a person has a plan and the means with them, has already taken "
                        "action (for example, swallowed pills), or you believe they will act soon: "
                        "<strong>call 911</strong>. Do not leave them alone if it is safe to stay. Never "
                        "put yourself in danger: if there is a weapon and you cannot safely move away "
                        "from it, leave and call for help.</p>",
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "This may be personal",
                        "text": "<p>Many peer workers have had suicidal thoughts themselves or have lost "
                        "someone to suicide or overdose. This material can stir that up. That is normal. "
                        "Talk with your supervisor or supports, and remember that 988 is there for you "
                        "too.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "A Friday afternoon text",
                        "situation": "<p>At 4:45 on a Friday you get a text from Eddie, a man you have "
                        "been supporting for two months. Last week he told you his wife had moved out and "
                        "that he had been drinking again. The text says: “Hey, just wanted to say "
                        "thanks for everything. You’ve been good to me. I won’t need the "
                        "appointment Tuesday. Take care of yourself.”</p>",
                        "questions": "<ol>"
                        "<li>Which warning signs and risk factors do you notice?</li>"
                        "<li>What should you do right now?</li>"
                        "<li>What would you say if he answers?</li>"
                        "<li>What if he does not answer?</li>"
                        "</ol>",
                        "discussion": "<p>Several things together raise concern: a recent separation, "
                        "a return to drinking, a message that sounds like a goodbye, thanks that sound "
                        "final, and cancelling a future appointment. Do not wait until Monday.</p>"
                        "<p>Call him now, using your work phone. If he answers, be warm and direct: "
                        "“Eddie, I got your text and I’m worried about you. It sounded like "
                        "you might be saying goodbye. Are you thinking about killing yourself?” If "
                        "he says yes, stay on the line, listen, ask whether he has a plan and the means, "
                        "and follow your agency’s procedure: bring in your supervisor or the "
                        "on-call clinician, and offer to connect him with 988 while you stay on the "
                        "line. If he is in immediate danger, call 911.</p>"
                        "<p>If he does not answer, do not simply leave a message and go home. Contact "
                        "your supervisor or on-call clinician immediately and follow your agency’s "
                        "protocol, which may include a welfare check by a mobile crisis team or 911. "
                        "Document what you did and when.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Asking about suicide feels awkward until you have said the words out loud a few "
                    "times. With a classmate, take turns practising the question “Are you thinking "
                    "about suicide?” in three short role plays, each with a different lead-in. "
                    "Then find out your agency’s suicide risk procedure: who you call, in what "
                    "order, and what you document. If your state requires a specific suicide prevention "
                    "training for peer certification, such as QPR, ASIST or safeTALK, make a plan to "
                    "complete it.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "What feelings come up for you when you imagine asking someone "
                        "directly if they are thinking about suicide? What support would help you feel "
                        "ready?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "true_false",
                    "text": "Asking someone directly whether they are thinking about suicide can put the "
                    "idea into their head.",
                    "answer": False,
                    "explanation": "Research shows that asking directly does not increase suicidal "
                    "thoughts, and it often brings relief.",
                },
                {
                    "type": "single",
                    "text": "Which is the best way to ask about suicide?",
                    "choices": [
                        ("“Are you thinking about killing yourself?”", True),
                        ("“You're not thinking of doing anything stupid, are you?”", False),
                        ("“You wouldn't hurt yourself, would you?”", False),
                        ("“Is everything okay at home?”", False),
                    ],
                    "explanation": "A clear, direct question shows you can handle the answer. Leading "
                    "questions signal that you want to hear “no”.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these are suicide warning signs? (select all that apply)",
                    "choices": [
                        ("Talking about being a burden to others", True),
                        ("Increasing use of alcohol or drugs", True),
                        ("Giving away belongings and saying goodbye", True),
                        ("Withdrawing from friends and activities", True),
                        ("Making plans for next month's family birthday", False),
                    ],
                    "explanation": "Burden talk, increased substance use, goodbyes and isolation are all "
                    "warning signs. Making future plans is not a warning sign.",
                },
                {
                    "type": "single",
                    "text": "A person tells you they have swallowed a bottle of pills. What should you do "
                    "first?",
                    "choices": [
                        ("Call 911", True),
                        ("Schedule an appointment with their counselor", False),
                        ("Help them write a safety plan", False),
                        ("Ask them why they did it", False),
                    ],
                    "explanation": "An attempt in progress is a medical emergency. Call 911 and stay with "
                    "the person if it is safe to do so.",
                },
                {
                    "type": "true_false",
                    "text": "When someone tells you they are thinking about suicide, you should promise to "
                    "keep it secret so they keep trusting you.",
                    "answer": False,
                    "explanation": "Suicide risk is one of the limits of confidentiality. Be honest, stay "
                    "with them, and connect them to help following your agency's procedure.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "safety-planning-988",
            "title": "Safety planning and the 988 Lifeline",
            "estimated_minutes": 40,
            "training_hours": Decimal("2.5"),
            "domain": "recovery-wellness-support",
            "body": [
                ("heading", "What a safety plan is"),
                (
                    "paragraph",
                    "<p>A <strong>safety plan</strong> is a short, written, personal list of steps a "
                    "person can take when suicidal thoughts or a crisis start to build. The best-known "
                    "approach was developed by psychologists Barbara Stanley and Gregory Brown, and "
                    "research has found it can reduce suicidal behaviour and help people stay connected "
                    "to care. It works because in a crisis it is very hard to think clearly, so the "
                    "person decides in advance, while calmer, what they will do.</p>"
                    "<p>A safety plan is <strong>not</strong> a “no-suicide contract”, where "
                    "a person promises not to harm themselves. Those contracts are not recommended: "
                    "they do not keep people safe, and they can make people afraid to be honest.</p>",
                ),
                ("heading", "The six steps"),
                (
                    "paragraph",
                    "<p>A typical safety plan has six parts, worked through in order:</p>"
                    "<ol>"
                    "<li><strong>My warning signs.</strong> Thoughts, feelings, situations or behaviours "
                    "that tell me a crisis may be coming (for example, “I stop answering my "
                    "phone” or “I start thinking about buying”).</li>"
                    "<li><strong>Things I can do on my own</strong> to take my mind off my problems: "
                    "walking, music, prayer, a shower, a recovery app.</li>"
                    "<li><strong>People and places that help distract me</strong>: a friend to have "
                    "coffee with, a recovery community center, a library, a meeting.</li>"
                    "<li><strong>People I can ask for help</strong>, with phone numbers: family, "
                    "friends, a sponsor or recovery coach.</li>"
                    "<li><strong>Professionals and crisis services</strong>: counselor, doctor, "
                    "988, the local crisis line, the nearest emergency department, 911.</li>"
                    "<li><strong>Making my environment safer</strong>: reducing access to firearms, "
                    "stockpiled medications or other things I might use to hurt myself.</li>"
                    "</ol>"
                    "<p>Many people also add their <strong>reasons for living</strong>, such as a "
                    "child, a pet, a faith or a goal, at the top of the page.</p>",
                ),
                ("heading", "The peer's part in safety planning"),
                (
                    "paragraph",
                    "<p>Safety plans are often started with a clinician, for example in a hospital or "
                    "crisis service. As a peer, you can help make the plan <strong>real and "
                    "usable</strong>. Plans that are written in the person’s own words and "
                    "reflect their actual life are much more likely to be used than generic ones. You "
                    "can use your open questions to help the person fill each step (“What has "
                    "helped you get through a bad night before?”), make sure it includes their "
                    "recovery supports and, where relevant, naloxone and not using alone, help them keep "
                    "it where they can find it (a photo on their phone works well), practise using it, "
                    "and review it after any crisis. Always share what you learn with the team, "
                    "following your agency’s procedure.</p>",
                ),
                ("heading", "Talking about lethal means"),
                (
                    "paragraph",
                    "<p>The time between deciding to act and acting can be very short, sometimes "
                    "minutes. If the most dangerous means are not within easy reach during those "
                    "minutes, the crisis often passes. That is why <strong>reducing access to lethal "
                    "means</strong>, especially firearms and large amounts of medication, saves lives. "
                    "Raise it respectfully and without judgement, and frame it as temporary: "
                    "“Lots of people who go through a rough patch ask someone they trust to hold "
                    "onto their guns for a while. Is there someone who could do that for you?” "
                    "Other options include locked storage, giving the key to someone else, and safely "
                    "disposing of unused medications. Follow your agency’s guidance and bring in "
                    "your supervisor or a clinician.</p>",
                ),
                ("heading", "988: the Suicide & Crisis Lifeline"),
                (
                    "paragraph",
                    "<p>In the United States, anyone can <strong>call or text 988</strong>, or chat "
                    'online at <a href="https://988lifeline.org">988lifeline.org</a>, to reach the '
                    "988 Suicide &amp; Crisis Lifeline. It is free, confidential and available 24 hours "
                    "a day. Trained crisis counselors answer. It is for anyone in suicidal crisis, "
                    "mental health distress or a substance use crisis, and also for people who are "
                    "worried about someone else. Veterans and service members can press 1 to reach the "
                    "Veterans Crisis Line, and support is available in Spanish and, through "
                    "interpreters, in many other languages.</p>"
                    "<p>Most 988 contacts are resolved on the phone or by text. Where available, 988 can "
                    "connect people to local mobile crisis teams. Emergency services are called in only a "
                    "small share of contacts, when there is an immediate risk to life.</p>"
                    "<p><strong>988 or 911?</strong> Use 988 for emotional, suicidal or substance use "
                    "crises where no one is in immediate physical danger. Use <strong>911</strong> for "
                    "an attempt in progress, an overdose, violence, or any medical emergency.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Call together",
                        "text": "<p>Giving someone the number is good. Calling it <em>with</em> them is "
                        "better. Ask: “Would you be willing to call 988 with me right now? I can "
                        "stay with you while we talk to them.” Put 988 in your own phone today, "
                        "and encourage the people you support to do the same.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Priya's plan doesn't feel like hers",
                        "situation": "<p>Priya, 38, was discharged from a hospital unit last week after "
                        "telling her doctor she was thinking about ending her life. She lost her job a "
                        "month ago and has been drinking more. She shows you the safety plan from the "
                        "hospital, a printed form with only “call 988” and “go to the "
                        "ER” filled in. “It doesn’t feel like me,” she says. "
                        "Later she mentions that her husband keeps a handgun in the bedside "
                        "drawer.</p>",
                        "questions": "<ol>"
                        "<li>How could you help Priya make the plan her own?</li>"
                        "<li>What questions might you ask for each step?</li>"
                        "<li>How would you raise the handgun?</li>"
                        "</ol>",
                        "discussion": "<p>Start by affirming that she brought the plan and is willing "
                        "to work on it. Then go through it together at her pace, using open questions: "
                        "“What do you notice in yourself when things start to slide?” "
                        "“What has helped on hard nights before, even a little?” “Who "
                        "could you text at midnight?” “What keeps you going?” Write "
                        "her answers in her words, and include recovery supports that fit her and "
                        "steps for when she feels like drinking.</p>"
                        "<p>Raise the handgun calmly and without judgement: “You mentioned "
                        "there’s a gun at home. When people are going through a time like this, "
                        "many choose to have it stored somewhere else for a while, just until things "
                        "feel steadier. How would you feel about talking with your husband about "
                        "that?” Involve your supervisor or her clinician, since they may want to "
                        "review the plan and speak with her about means safety too.</p>"
                        "<p>Finally, help her keep the plan close (a photo on her phone), make sure 988 "
                        "is saved, and agree when you will next check in.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Using a blank safety plan template from your agency or trainer, complete one "
                    "for yourself, as if for a hard time in your own life. Notice which steps are easy "
                    "to fill in and which are hard. Then, with a classmate, role-play helping someone "
                    "complete steps 1 to 4 using open questions and reflections, and practise "
                    "suggesting a call to 988 together.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "If you made a safety plan for yourself, who would be on your list of "
                        "people to call, and have you told them they are on it?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "short_text",
                    "text": "What three-digit number can anyone in the United States call or text to "
                    "reach the Suicide & Crisis Lifeline?",
                    "accepted_answers": ["988", "nine eight eight", "9 8 8"],
                    "explanation": "Call or text 988, or chat at 988lifeline.org. It is free, "
                    "confidential and available 24/7.",
                },
                {
                    "type": "true_false",
                    "text": "A “no-suicide contract”, in which a person promises not to harm "
                    "themselves, is a recommended part of safety planning.",
                    "answer": False,
                    "explanation": "No-suicide contracts are not recommended. They don't keep people safe "
                    "and can discourage honesty. A safety plan lists concrete steps and supports "
                    "instead.",
                },
                {
                    "type": "multiple",
                    "text": "Which of these belong in a safety plan? (select all that apply)",
                    "choices": [
                        ("The person's own warning signs", True),
                        ("People the person can ask for help, with phone numbers", True),
                        ("Ways to make the environment safer, such as storing firearms elsewhere", True),
                        ("Crisis services such as 988", True),
                        ("A signed promise not to use substances", False),
                    ],
                    "explanation": "Safety plans cover warning signs, coping strategies, people and "
                    "places, professionals and crisis lines, and means safety. Promises and contracts "
                    "are not part of it.",
                },
                {
                    "type": "single",
                    "text": "Why does reducing access to lethal means, like firearms, help prevent suicide?",
                    "choices": [
                        (
                            "Suicidal crises can be brief, and putting time and distance between a person "
                            "and the means lets the crisis pass",
                            True,
                        ),
                        (
                            "People who are suicidal will always find another way, so it mainly reassures "
                            "families",
                            False,
                        ),
                        ("It is a legal requirement after any mental health appointment", False),
                        ("It replaces the need for a safety plan", False),
                    ],
                    "explanation": "The time between deciding and acting can be very short. If lethal "
                    "means are out of reach, the crisis often passes, and many people do not substitute "
                    "another method.",
                },
                {
                    "type": "single",
                    "text": "Which situation calls for 911 rather than 988?",
                    "choices": [
                        ("A person is unresponsive after taking pills", True),
                        ("A person feels hopeless and wants to talk to someone tonight", False),
                        ("You are worried about a friend who has been withdrawn", False),
                        ("A person is having strong cravings and feels overwhelmed", False),
                    ],
                    "explanation": "An unresponsive person is a medical emergency: call 911. The other "
                    "situations are good reasons to call or text 988.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "overdose-naloxone",
            "title": "Overdose: recognising it and responding with naloxone",
            "estimated_minutes": 45,
            "training_hours": Decimal("2.5"),
            "domain": "recovery-wellness-support",
            "body": [
                ("heading", "Why every peer worker carries naloxone"),
                (
                    "paragraph",
                    "<p>Fentanyl and other powerful synthetic opioids are now common in the street "
                    "drug supply, including in pills and powders sold as something else. An overdose "
                    "can happen quickly, even to someone who uses rarely. <strong>Naloxone</strong> "
                    "(brand names include Narcan) is a medicine that can reverse an opioid overdose by "
                    "pushing opioids off the brain’s receptors and restarting breathing. Since "
                    "2023, naloxone nasal spray has been available in the United States without a "
                    "prescription, and many health departments and programs give it out free.</p>"
                    "<p>Peer workers are often the first on the scene at drop-in centers, shelters, "
                    "outreach sites and homes. Knowing these steps, and carrying naloxone, means you "
                    "can keep someone alive until medical help arrives.</p>",
                ),
                ("heading", "Who is at higher risk"),
                (
                    "paragraph",
                    "<ul>"
                    "<li>People who have recently had a break from using, for example after treatment, "
                    "hospital or jail, because their <strong>tolerance has dropped</strong> and an "
                    "amount they used to take can now kill them.</li>"
                    "<li>People who use alone, where no one can respond.</li>"
                    "<li>People who mix substances, especially opioids with alcohol, benzodiazepines "
                    "(such as Xanax) or other sedatives.</li>"
                    "<li>People who do not know what is in their supply.</li>"
                    "<li>People who have overdosed before.</li>"
                    "</ul>",
                ),
                ("heading", "Recognising an opioid overdose"),
                (
                    "paragraph",
                    "<p>Signs of an opioid overdose include:</p>"
                    "<ul>"
                    "<li>The person <strong>will not wake up</strong> or respond to your voice or a "
                    "firm rub on the breastbone.</li>"
                    "<li><strong>Breathing is very slow, shallow or has stopped.</strong></li>"
                    "<li>Choking, gurgling or snoring sounds.</li>"
                    "<li>Very small, “pinpoint” pupils.</li>"
                    "<li>Lips and fingertips turning blue or grey. On darker skin, look for a grey or "
                    "ashen colour, and check the lips, gums and nail beds.</li>"
                    "<li>Pale, clammy skin and a limp body.</li>"
                    "</ul>"
                    "<p>Someone who is very high but can still talk and respond is not overdosing yet, "
                    "but do not leave them alone; check their breathing regularly.</p>"
                    "<p>Stimulants such as cocaine and methamphetamine can also cause overdose, with "
                    "different signs: overheating, chest pain, a racing heart, seizures, or extreme "
                    "agitation or paranoia. Call 911 for these. Naloxone does not reverse stimulants, "
                    "but because so much of the supply is mixed with fentanyl, <strong>if a person is "
                    "unresponsive or not breathing normally, give naloxone anyway</strong>. It will not "
                    "hurt them.</p>",
                ),
                ("heading", "Responding step by step"),
                (
                    "paragraph",
                    "<ol>"
                    "<li><strong>Check for a response.</strong> Shout their name. Rub your knuckles "
                    "firmly up and down their breastbone.</li>"
                    "<li><strong>Call 911</strong>, or point at someone and tell them to call. Say "
                    "“Someone is unresponsive and not breathing” and give the exact "
                    "location. If you are alone, put the phone on speaker while you act.</li>"
                    "<li><strong>Give naloxone.</strong> For nasal spray: lay the person on their back, "
                    "tilt their head back and support their neck. Insert the nozzle into one nostril "
                    "until your fingers touch the bottom of their nose. Press the plunger firmly.</li>"
                    "<li><strong>Support their breathing.</strong> If you are trained in rescue "
                    "breathing or CPR, use it, and follow the 911 dispatcher’s instructions. If "
                    "they are breathing, roll them into the <strong>recovery position</strong>: on their "
                    "side, top knee bent, hand supporting the head, so they will not choke if they "
                    "vomit.</li>"
                    "<li><strong>If there is no response after 2 to 3 minutes</strong>, give another "
                    "dose in the other nostril using a new device. Keep going until help arrives.</li>"
                    "<li><strong>Stay with them.</strong> Naloxone wears off in about 30 to 90 "
                    "minutes, and strong opioids like fentanyl can last longer, so the overdose can "
                    "return. Tell paramedics what happened and how many doses you gave.</li>"
                    "</ol>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Naloxone is not the end of care",
                        "text": "<p>Always call 911, even if the person wakes up. Do not put them in a "
                        "cold bath, inject them with anything, try to make them vomit, or leave them to "
                        "“sleep it off”. If you find a used needle, do not recap it; leave it "
                        "for responders or use a sharps container. Protect yourself with gloves if you "
                        "have them, and never put yourself in danger to help.</p>",
                    },
                ),
                ("heading", "When they wake up"),
                (
                    "paragraph",
                    "<p>Naloxone can put a person who is dependent on opioids into sudden withdrawal. "
                    "They may wake up sick, confused, frightened or angry, and may not remember what "
                    "happened. Stay calm, speak gently and explain simply: “You overdosed. I gave "
                    "you naloxone. You’re okay, and help is coming.” Encourage them not to "
                    "use again to ease the withdrawal, because the naloxone will wear off and the "
                    "opioids may still be in their body. Encourage them to go with the paramedics; it "
                    "is their choice, but if they refuse, try to make sure they are not left alone. "
                    "Treat them with dignity: they may feel deep shame, and how you respond now can "
                    "shape whether they reach out for help later.</p>"
                    "<p>Also remember the sedative <strong>xylazine</strong> (“tranq”) is "
                    "sometimes mixed into the supply. Naloxone does not reverse xylazine, so a person "
                    "may keep breathing but stay very drowsy. Still give naloxone for the opioids, "
                    "focus on breathing, and wait for medical help.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Good Samaritan laws",
                        "text": "<p>Most states have Good Samaritan overdose laws that give some "
                        "protection from certain drug charges to people who call 911 for an overdose, "
                        "and to the person who overdosed. What they cover differs a lot from state to "
                        "state. Learn your state’s law so you can tell people accurately, because "
                        "fear of police is one of the main reasons people don’t call.</p>",
                    },
                ),
                ("heading", "Prevention, the harm reduction way"),
                (
                    "paragraph",
                    "<p>Meeting people where they are saves lives. Within your agency’s harm "
                    "reduction policy, you can talk with people who use drugs about ways to lower their "
                    "risk: not using alone (or using with someone who has naloxone, or calling a "
                    "never-use-alone hotline), using fentanyl test strips where they are legal, "
                    "starting with a small amount and going slowly, not mixing substances, and "
                    "carrying naloxone and telling friends where it is. Offer these without judgement. "
                    "People who are still alive can still recover.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "In the restroom at the recovery center",
                        "situation": "<p>A member of your recovery community center bangs on your office "
                        "door: “Kevin’s in the bathroom and he won’t wake up!” "
                        "You find Kevin on the floor. His lips look grey, he is making a slow gurgling "
                        "sound, and there is a small bag of powder beside him. The member who found him "
                        "is panicking. Your naloxone kit is in your desk.</p>",
                        "questions": "<ol>"
                        "<li>What are your steps, in order?</li>"
                        "<li>How can you use the other member to help?</li>"
                        "<li>What do you do if Kevin wakes up and wants to leave?</li>"
                        "<li>What happens after the emergency is over?</li>"
                        "</ol>",
                        "discussion": "<p>Kevin shows signs of an opioid overdose: unresponsive, grey "
                        "lips and gurgling, slow breathing. Give the panicking member a clear, simple "
                        "job: “Call 911 now. Tell them someone is unresponsive and barely "
                        "breathing, and give them this address.” Or send them for the naloxone kit "
                        "while you call. Shout Kevin’s name and do a sternal rub. Give naloxone in "
                        "one nostril. Support his breathing as trained and follow the dispatcher; if he "
                        "is breathing, put him in the recovery position. If there is no response after "
                        "2 to 3 minutes, give a second dose in the other nostril. Don’t touch the "
                        "bag of powder; leave it for responders.</p>"
                        "<p>If Kevin wakes, explain calmly what happened and encourage him to go with "
                        "the paramedics, because the overdose could return. If he refuses, stay with him, "
                        "and follow your agency’s procedure.</p>"
                        "<p>Afterwards: document the incident, tell your supervisor, replace the "
                        "naloxone you used, and check on the member who found him. Follow up with Kevin "
                        "in the following days, since the time after an overdose is high risk. And "
                        "check on yourself: responding to an overdose is frightening, and it can stir up "
                        "your own memories or cravings. The last module of this course covers "
                        "this.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Get a naloxone training device (most overdose education programs have them) "
                    "or a real kit, and practise the nasal spray steps out loud until you can do them "
                    "without reading. Practise rolling a classmate into the recovery position. Find out "
                    "where naloxone is kept in your workplace, who checks the expiry dates, and where "
                    "people in your community can get it free. If you have not done CPR training, sign "
                    "up for a course.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "How do you feel about responding to an overdose? What would help you "
                        "feel more prepared, practically and emotionally?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "multiple",
                    "text": "Which are signs of an opioid overdose? (select all that apply)",
                    "choices": [
                        ("Not waking up or responding to voice or a sternal rub", True),
                        ("Slow, shallow or stopped breathing", True),
                        ("Blue or grey lips and fingertips", True),
                        ("Very small, pinpoint pupils", True),
                        ("Talking quickly and pacing", False),
                    ],
                    "explanation": "Unresponsiveness, slowed or stopped breathing, blue or grey lips and "
                    "pinpoint pupils are classic signs. Fast talking and pacing are more typical of "
                    "stimulant use.",
                },
                {
                    "type": "short_text",
                    "text": "What is the name of the medicine that can reverse an opioid overdose?",
                    "accepted_answers": [
                        "naloxone",
                        "narcan",
                        "naloxone nasal spray",
                        "narcan nasal spray",
                        "naloxone hydrochloride",
                    ],
                    "explanation": "Naloxone (brand names include Narcan) reverses opioid overdose and is "
                    "available without a prescription.",
                },
                {
                    "type": "single",
                    "text": "You gave one dose of naloxone nasal spray and the person still has not "
                    "responded after 2 to 3 minutes. What should you do?",
                    "choices": [
                        (
                            "Give a second dose in the other nostril using a new device, and keep supporting "
                            "breathing until help arrives",
                            True,
                        ),
                        ("Wait at least 20 minutes before doing anything else", False),
                        ("Put the person in a cold shower to wake them", False),
                        ("Leave to find someone else to help", False),
                    ],
                    "explanation": "If there is no response after 2 to 3 minutes, give another dose with "
                    "a new device. Keep supporting breathing and stay until emergency services arrive.",
                },
                {
                    "type": "true_false",
                    "text": "If a person wakes up after naloxone, there is no need to call 911.",
                    "answer": False,
                    "explanation": "Naloxone wears off in 30 to 90 minutes and strong opioids can last "
                    "longer, so the overdose can return. Always call 911.",
                },
                {
                    "type": "true_false",
                    "text": "Naloxone will harm a person who is unresponsive for a reason other than "
                    "opioids.",
                    "answer": False,
                    "explanation": "Naloxone has no effect on someone without opioids in their system. If "
                    "in doubt, give it.",
                },
                {
                    "type": "single",
                    "text": "Why is a person at higher risk of overdose soon after leaving jail or "
                    "residential treatment?",
                    "choices": [
                        (
                            "Their tolerance has dropped, so an amount they used to take can now be deadly",
                            True,
                        ),
                        ("Naloxone does not work on people who have been in treatment", False),
                        ("They are legally barred from carrying naloxone", False),
                        ("Their tolerance has increased", False),
                    ],
                    "explanation": "A break from using lowers tolerance. This is why offering naloxone "
                    "and overdose information at discharge saves lives.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "de-escalation",
            "title": "De-escalation: calming a tense situation safely",
            "estimated_minutes": 40,
            "training_hours": Decimal("2.5"),
            "domain": "recovery-wellness-support",
            "body": [
                ("heading", "What de-escalation is"),
                (
                    "paragraph",
                    "<p><strong>De-escalation</strong> means using your words, body language and "
                    "surroundings to help someone who is very upset, angry or frightened to calm down, "
                    "so that nobody gets hurt and the person can be heard. It is not about winning, "
                    "controlling or punishing. Most anger is a cover for something else: fear, pain, "
                    "shame, or feeling disrespected or powerless. Common triggers in recovery settings "
                    "include being kept waiting, being told “no”, a missed prescription, "
                    "withdrawal, intoxication, a mental health crisis, and reminders of past "
                    "trauma.</p>"
                    "<p>Your listening skills are your best de-escalation tools. When people feel heard, "
                    "the heat usually starts to come down.</p>",
                ),
                ("heading", "Safety first, always"),
                (
                    "paragraph",
                    "<p>Before you try to calm someone down, take a second to check the situation:</p>"
                    "<ul>"
                    "<li><strong>Exits.</strong> Make sure you can leave, and do not block the "
                    "person’s way out either. People who feel cornered become more "
                    "dangerous.</li>"
                    "<li><strong>Distance.</strong> Stay a couple of arm’s lengths away, and stand "
                    "at a slight angle rather than face to face.</li>"
                    "<li><strong>Objects.</strong> Notice anything that could be thrown or used as a "
                    "weapon.</li>"
                    "<li><strong>Other people.</strong> Let a colleague know what is happening. Follow "
                    "your agency’s alert system, such as a code word or panic button.</li>"
                    "</ul>"
                    "<p>Never try to physically restrain someone. If the person has a weapon, becomes "
                    "violent, or you feel in danger, <strong>leave and call 911</strong>. Your safety "
                    "matters too.</p>",
                ),
                ("heading", "Spotting escalation early"),
                (
                    "paragraph",
                    "<p>It is much easier to calm a situation early. Watch for pacing, clenched fists or "
                    "jaw, a rising voice, swearing, fast breathing, staring or refusing to look at "
                    "anyone, and moving into other people’s space. People usually move through "
                    "stages: anxious and restless, then defensive and argumentative, then possibly "
                    "losing control. After an outburst, they often feel drained, embarrassed or "
                    "tearful. Your approach changes with each stage: support at the anxious stage, "
                    "calm limits at the defensive stage, safety at the loss-of-control stage, and "
                    "kindness and repair afterwards.</p>",
                ),
                ("heading", "What to do and say"),
                (
                    "paragraph",
                    "<p><strong>Calm yourself first.</strong> Take a slow breath. Lower your voice and "
                    "slow your speech. People tend to match the energy around them, so your calm is "
                    "contagious.</p>"
                    "<p><strong>Use your body.</strong> Keep your hands open and visible. Don’t "
                    "point, cross your arms or make sudden moves. Sit down if the person is willing to "
                    "sit. Don’t touch them.</p>"
                    "<p><strong>Use few, simple words.</strong></p>"
                    "<ul>"
                    "<li>Use their name.</li>"
                    "<li>Reflect the feeling: “You’re furious that your appointment was "
                    "cancelled again.” Validating a feeling is not agreeing with the "
                    "behaviour.</li>"
                    "<li>Never say “Calm down.” It almost always has the opposite "
                    "effect.</li>"
                    "<li>Offer real choices, which give back a sense of control: “Would you like "
                    "to sit here, or step outside for some air with me?”</li>"
                    "<li>Find something you can agree with: “You’re right, you shouldn’t "
                    "have had to wait this long.”</li>"
                    "<li>Set limits clearly and respectfully, and explain why: “I want to help "
                    "sort this out. I can’t let anyone get hurt, so I need you to put the chair "
                    "down. Then we can talk.”</li>"
                    "<li>Be honest about what you can and can’t do. Don’t make promises "
                    "you can’t keep to end the moment.</li>"
                    "</ul>"
                    "<p>If the person is intoxicated, in withdrawal, or experiencing something like "
                    "paranoia, keep sentences even shorter and be patient. Don’t argue with "
                    "beliefs that seem untrue, and don’t pretend to share them; focus on their "
                    "feelings and safety instead. Signs of a medical problem, such as confusion with a "
                    "high temperature, chest pain or a seizure, mean calling 911.</p>"
                    "<p>In a group, take away the audience if you can: ask a co-facilitator to move the "
                    "group, or invite the person to talk with you somewhere quieter but still "
                    "safe.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Calling for help in a mental health crisis",
                        "text": "<p>Many people in recovery have had frightening experiences with police, "
                        "and people in mental health crises can be at higher risk when police respond. "
                        "Where your community has a mobile crisis team (often reachable through 988 or a "
                        "local crisis line), it may be the better choice when someone is in distress but "
                        "no one is in immediate danger. If you call 911 for a mental health crisis, say "
                        "so, and ask whether a crisis-trained (CIT) officer or crisis team is available. "
                        "But if a life is in immediate danger, do not hesitate: call 911. Follow your "
                        "agency’s protocol.</p>",
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Afterwards: repair",
                        "text": "<p>After things settle, check in with the person when they are calm. "
                        "Many people feel ashamed after an outburst. “That was a hard morning. "
                        "I’m glad we got it sorted. How are you doing now?” can rebuild "
                        "trust. Then debrief with your supervisor and document what happened.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Ray at the front desk",
                        "situation": "<p>Ray comes into the clinic waiting room shouting at the front "
                        "desk. His buprenorphine prescription was not sent to the pharmacy, and the "
                        "pharmacy has closed for the day. He is sweating, pacing and yawning, and he "
                        "slams his hand on the counter: “You people don’t care if I get sick! "
                        "I did everything right!” A mother and her young child are sitting in the "
                        "waiting room. The receptionist looks at you.</p>",
                        "questions": "<ol>"
                        "<li>What is likely driving Ray’s anger?</li>"
                        "<li>What safety checks would you make?</li>"
                        "<li>What would you say first?</li>"
                        "<li>What could you do to help solve the actual problem?</li>"
                        "</ol>",
                        "discussion": "<p>Ray is probably in early withdrawal (sweating, yawning, "
                        "restless) and frightened of getting sicker, and he feels let down after doing "
                        "what was asked of him. His anger makes sense, even though slamming the counter "
                        "is not okay.</p>"
                        "<p>Check your position: stay a couple of arm’s lengths away at an angle, "
                        "keep exits clear, and signal a colleague. Approach calmly with open hands and "
                        "use his name: “Ray, I’m one of the peer specialists here. You "
                        "did everything right and your prescription didn’t get sent. That’s "
                        "scary when you’re starting to feel sick.” Offer a choice: "
                        "“Want to come sit in the side room with me so we can work on this?” "
                        "This also protects the family in the waiting room and takes away the "
                        "audience.</p>"
                        "<p>Then advocate on the real problem: ask the clinical team or on-call "
                        "prescriber what can be done today, such as sending the prescription to a "
                        "pharmacy that is still open. You should not make promises about medication "
                        "yourself. If Ray becomes violent, move away, get others to safety and call 911. "
                        "Once he is calmer, affirm that he kept coming to his appointments, debrief "
                        "with your supervisor and document what happened.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>With two classmates, role-play the Ray scenario three times, taking turns as "
                    "Ray, the peer worker and an observer. The observer notes the peer’s voice, "
                    "body position, reflections and choices offered. Then walk through your workplace "
                    "(or a place you know) and identify the exits, where you would sit with an upset "
                    "person, and how you would call for help.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "How do you usually react when someone raises their voice at you? What "
                        "helps you stay calm, and what might you need to work on?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "Someone is shouting and pacing in the waiting room. Which response is most "
                    "likely to help?",
                    "choices": [
                        (
                            "“You're really angry that you've been waiting so long. Want to sit down "
                            "with me and sort it out?”",
                            True,
                        ),
                        ("“Calm down or you'll have to leave.”", False),
                        ("“Everyone else is waiting patiently.”", False),
                        ("“I'm sure they'll get to you eventually.”", False),
                    ],
                    "explanation": "Reflecting the feeling and offering a choice helps the person feel "
                    "heard and in control. Commands, comparisons and vague reassurance tend to raise "
                    "tension.",
                },
                {
                    "type": "multiple",
                    "text": "Which are good safety practices when de-escalating? (select all that apply)",
                    "choices": [
                        ("Keeping an exit clear for yourself and for the person", True),
                        ("Standing a couple of arm's lengths away, at an angle", True),
                        ("Letting a colleague know what is happening", True),
                        ("Holding the person's arms to stop them leaving", False),
                        ("Standing directly in front of the door", False),
                    ],
                    "explanation": "Keep exits clear, keep your distance and get support. Never restrain "
                    "someone, and don't block their way out: people who feel trapped become more "
                    "dangerous.",
                },
                {
                    "type": "true_false",
                    "text": "Validating a person's feelings means you agree with how they are behaving.",
                    "answer": False,
                    "explanation": "You can acknowledge that someone's anger makes sense while still "
                    "setting a clear limit on unsafe behaviour.",
                },
                {
                    "type": "single",
                    "text": "During a tense conversation, the person picks up a heavy object and threatens "
                    "to throw it at you. What should you do?",
                    "choices": [
                        ("Move away to safety and call 911", True),
                        ("Try to take the object from them", False),
                        ("Stand your ground so they know you aren't afraid", False),
                        ("Keep talking and hope they calm down", False),
                    ],
                    "explanation": "When there is a threat of violence, your safety comes first: leave and "
                    "call for emergency help. Never try to physically take control.",
                },
                {
                    "type": "short_text",
                    "text": "What two-word phrase should you avoid saying to an upset person, because it "
                    "usually makes them angrier?",
                    "accepted_answers": ["calm down", "just calm down"],
                    "explanation": "“Calm down” sounds dismissive. Reflecting the feeling and "
                    "offering choices works much better.",
                },
            ],
        },
        # -------------------------------------------------------------------------------------------
        {
            "slug": "handover-follow-up",
            "title": "Handing over, following up and looking after yourself",
            "estimated_minutes": 50,
            "training_hours": Decimal("3.5"),
            "domain": "advocacy",
            "body": [
                ("heading", "Knowing when to hand over"),
                (
                    "paragraph",
                    "<p>Part of being a good peer worker is knowing where your role ends. In a crisis, "
                    "your job is to <strong>notice, stay, connect, advocate and follow up</strong>. It is "
                    "not to assess medical risk, treat, or manage a dangerous situation on your own. "
                    "Hand over to clinical or emergency services when:</p>"
                    "<ul>"
                    "<li>someone is at immediate risk of suicide, or has already harmed themselves;</li>"
                    "<li>there is a medical emergency, such as an overdose, a seizure, chest pain or "
                    "trouble breathing;</li>"
                    "<li>someone is in severe withdrawal, especially from alcohol or "
                    "benzodiazepines, which can cause seizures and can be life-threatening;</li>"
                    "<li>someone is so confused, paranoid or out of touch with reality that they or "
                    "others may be at risk;</li>"
                    "<li>there is violence, a weapon or a threat to harm someone else;</li>"
                    "<li>a child or vulnerable adult may be being abused or neglected.</li>"
                    "</ul>"
                    "<p>Handing over is not abandoning someone. Done well, it is one of the most "
                    "important ways you advocate for them.</p>",
                ),
                ("heading", "Know your pathways before you need them"),
                (
                    "paragraph",
                    "<p>In a crisis there is no time to search for numbers. Before you ever need them, "
                    "find out and save: your agency’s crisis procedure; your supervisor’s "
                    "and the on-call clinician’s numbers; 988; your local mobile crisis team or "
                    "crisis line; 911; the nearest emergency department; local withdrawal management "
                    "(detox) services; and the domestic violence hotline. Know which situations go to "
                    "which service.</p>"
                    "<p>When you call 911 or a crisis service, be ready to say: where you are; what is "
                    "happening; whether anyone is in immediate danger or there are weapons; what the "
                    "person may have taken and whether naloxone was given; and, for a mental health "
                    "crisis, that it is a mental health crisis, asking for crisis-trained responders "
                    "if available.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Make a crisis contact card",
                        "text": "<p>Write your key numbers on a small card for your wallet and save them in "
                        "your phone under a clear heading, such as “Crisis contacts”. Review "
                        "them with your supervisor every few months, as services change.</p>",
                    },
                ),
                ("heading", "Warm handoffs"),
                (
                    "paragraph",
                    "<p>A <strong>cold referral</strong> is handing someone a phone number or leaflet "
                    "and hoping they call. A <strong>warm handoff</strong> is personally connecting "
                    "them to the next helper: making the call together, walking them to the clinic, "
                    "introducing them by name, and staying until the connection is made. People in "
                    "crisis are far more likely to actually get help through a warm handoff, because "
                    "the hardest step, reaching out to a stranger, is done with someone they "
                    "trust.</p>"
                    "<p>Ask the person what they want shared and get their consent wherever you can. "
                    "In a genuine emergency, privacy laws such as HIPAA and 42 CFR Part 2 allow "
                    "necessary information to be shared with medical staff to deal with the emergency. "
                    "Share only what is needed, follow your agency’s policy, and document what "
                    "you shared and with whom.</p>",
                ),
                ("heading", "Advocating during and after the handover"),
                (
                    "paragraph",
                    "<p>Emergency departments and crisis units can be frightening, and people who use "
                    "drugs are sometimes treated with impatience or stigma. With the person’s "
                    "permission, and within what the setting allows, you can:</p>"
                    "<ul>"
                    "<li>Help them say what they need, what they are afraid of and what has helped "
                    "before, including any crisis plan or psychiatric advance directive they "
                    "have.</li>"
                    "<li>Make sure they understand what is happening, and help them ask questions: "
                    "“Can you explain what happens next?”</li>"
                    "<li>Ask about next steps for their recovery. For example, many emergency "
                    "departments can start medication for opioid use disorder and connect the person "
                    "to ongoing care.</li>"
                    "<li>Respond to stigmatising treatment calmly and respectfully, focused on the "
                    "person’s needs, and raise patterns of poor treatment with your supervisor "
                    "afterwards.</li>"
                    "</ul>"
                    "<p>Sometimes a person is held for evaluation against their wishes under their "
                    "state’s emergency laws. You do not make those decisions. You can stay "
                    "honest and present, help them understand the process, and let them know you will "
                    "be there afterwards.</p>",
                ),
                ("heading", "Following up: the days after matter"),
                (
                    "paragraph",
                    "<p>The days and weeks after a crisis are a time of <strong>high risk</strong>. "
                    "Suicide risk is raised after discharge from an emergency department or psychiatric "
                    "unit, and overdose risk is raised after a non-fatal overdose. Simple, caring "
                    "contact during this period helps: research on “caring contacts”, short "
                    "messages that simply say “I’m thinking of you”, has found they "
                    "can reduce suicidal behaviour.</p>"
                    "<p>With the person’s agreement, plan your follow-up before you part: when "
                    "you will call or text, and how. Then do what you said. Help them get to follow-up "
                    "appointments, review and update their safety plan, replace any naloxone that was "
                    "used, and reconnect them with recovery supports. If the crisis involved tension "
                    "between you, such as after a de-escalation, take time to repair the "
                    "relationship.</p>"
                    "<p>Document what happened, what you did, who you contacted and when. Stick to "
                    "facts, not opinions, and use your agency’s format.</p>",
                ),
                ("heading", "Looking after yourself"),
                (
                    "paragraph",
                    "<p>Responding to a crisis affects the responder. Afterwards you might shake, cry, "
                    "replay the event, have trouble sleeping, feel numb, or feel guilty that you did "
                    "not do more. Seeing drugs or an overdose can also stir up cravings or old "
                    "memories. These are normal reactions to an abnormal event, not signs of "
                    "weakness.</p>"
                    "<p>After any crisis: debrief with your supervisor; talk to people in your own "
                    "support network; use your own recovery tools and safety plan; and use your "
                    "employee assistance program or counseling if you have it. Take time off if you "
                    "need it.</p>"
                    "<p>Sometimes, despite everyone’s best efforts, a person dies. If that "
                    "happens, you will need support. Their death is not your fault. Grief in this work "
                    "is real and deserves care, and many agencies offer support to staff after a "
                    "death. You can also call or text 988 for yourself at any time.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Watch your own warning signs",
                        "text": "<p>If, after a crisis, you notice thoughts of using, hopelessness or "
                        "thoughts of suicide, treat it as seriously as you would for anyone else. Tell "
                        "your supervisor or a trusted support today, and call or text 988 if you need "
                        "to.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Monique in the emergency department",
                        "situation": "<p>Monique, 45, told you during a home visit that she had taken "
                        "a handful of her sleeping pills an hour earlier because she “just wanted "
                        "it all to stop”. You called 911 and, with her agreement, followed the "
                        "ambulance to the emergency department. Now she is on a bed in a hallway. A staff "
                        "member passing by says loudly to a colleague, “Another overdose from "
                        "that housing program.” Monique turns to you: “Tell them I’m "
                        "fine. I just want to go home.”</p>",
                        "questions": "<ol>"
                        "<li>What is your role here, and what is not your role?</li>"
                        "<li>How could you advocate for Monique right now?</li>"
                        "<li>What follow-up would you plan?</li>"
                        "<li>What might you need for yourself afterwards?</li>"
                        "</ol>",
                        "discussion": "<p>You are not the person who decides whether Monique is "
                        "medically or psychologically safe to go home; that is for the clinical team. "
                        "You cannot tell them she is fine. Your role is to support her, help her voice "
                        "be heard, and connect her with care.</p>"
                        "<p>Start with Monique: “You’ve had a really hard day and this place "
                        "is loud and uncomfortable. I can’t tell them you’re fine, because "
                        "I care about what happened today. What I can do is help you tell them what you "
                        "need.” Help her ask what happens next and share what helps her. About the "
                        "comment, you might calmly ask the nurse caring for her for a quieter space, "
                        "keeping the focus on Monique’s needs, and raise the staff comment with "
                        "your supervisor afterwards.</p>"
                        "<p>Follow-up: with her agreement, plan a call the day after discharge; help "
                        "her get to follow-up appointments; update her safety plan, including safe "
                        "storage of her medications; and keep up caring contacts in the weeks "
                        "after. Document and debrief. Then look after yourself: finding someone after a "
                        "suicide attempt is frightening, and your supervisor and supports are there to "
                        "help you process it.</p>",
                    },
                ),
                ("heading", "Practice activity"),
                (
                    "paragraph",
                    "<p>Make your crisis contact card, then check each number with your supervisor. "
                    "With a classmate, role-play a warm handoff by phone: introduce a “person in "
                    "crisis” to a crisis counselor, sharing only what the person has agreed to. "
                    "Finally, write a one-page personal plan for what you will do after a difficult "
                    "crisis at work: who you will talk to, what helps you reset, and the signs that "
                    "mean you need more support.</p>",
                ),
                (
                    "reflection",
                    {
                        "prompt": "Think of a hard moment you have been through. What helped you "
                        "afterwards, and how could you build that into your plan for after a crisis at "
                        "work?"
                    },
                ),
            ],
            "quiz": [
                {
                    "type": "single",
                    "text": "What is a warm handoff?",
                    "choices": [
                        (
                            "Personally connecting a person to the next helper, for example by making the "
                            "call together and staying until they are connected",
                            True,
                        ),
                        ("Giving a person a printed list of phone numbers", False),
                        ("Sending the person's records to another agency without telling them", False),
                        ("Telling the person to call back when they feel ready", False),
                    ],
                    "explanation": "A warm handoff means making the connection with the person, not just "
                    "pointing them toward it. People are much more likely to follow through.",
                },
                {
                    "type": "multiple",
                    "text": "Which situations call for handing over to clinical or emergency services? "
                    "(select all that apply)",
                    "choices": [
                        ("A person having a seizure during alcohol withdrawal", True),
                        ("A person who says they have a gun and plan to use it on themselves tonight", True),
                        ("A person who is unresponsive after using", True),
                        ("A person who wants help finding a recovery meeting", False),
                    ],
                    "explanation": "Seizures, imminent suicide risk and overdose need medical or "
                    "emergency help. Finding a meeting is everyday peer support.",
                },
                {
                    "type": "true_false",
                    "text": "The days and weeks after a person leaves the emergency department following a "
                    "suicide attempt or overdose are a time of lower risk, so follow-up can wait.",
                    "answer": False,
                    "explanation": "Risk is raised after discharge and after non-fatal overdose. Caring "
                    "follow-up contact during this period can save lives.",
                },
                {
                    "type": "multiple",
                    "text": "After responding to a frightening crisis at work, which are healthy steps for "
                    "a peer worker? (select all that apply)",
                    "choices": [
                        ("Debrief with your supervisor", True),
                        ("Talk with your own support network", True),
                        ("Use your own recovery tools and safety plan", True),
                        ("Keep it to yourself so you don't seem weak", False),
                    ],
                    "explanation": "Crisis work affects responders. Debriefing and using your supports "
                    "protects your wellbeing and your recovery.",
                },
                {
                    "type": "single",
                    "text": "In the emergency department, a person you accompanied asks you to tell staff "
                    "they are fine so they can go home. What is the best response?",
                    "choices": [
                        (
                            "Explain kindly that you can't speak for their medical safety, and offer to help "
                            "them tell staff what they need",
                            True,
                        ),
                        ("Tell the staff the person is fine, because it's their choice", False),
                        ("Leave, since the hospital has taken over", False),
                        ("Tell the person they have to do whatever the doctors say", False),
                    ],
                    "explanation": "Deciding medical safety is not the peer role. You can support the "
                    "person's voice, help them ask questions, and stay connected.",
                },
            ],
        },
    ],
    "final_exam": {
        "title": "Crisis response: final assessment",
        "questions": [
            {
                "type": "single",
                "text": "You find a man slumped in a chair, not responding to his name, breathing slowly "
                "with a snoring sound. What should you do first?",
                "choices": [
                    ("Try to rouse him with a sternal rub, and call 911 (or have someone call)", True),
                    ("Let him sleep it off and check back later", False),
                    ("Splash cold water on his face", False),
                    ("Look through his bag to see what he took", False),
                ],
                "explanation": "These are signs of a possible opioid overdose. Check for a response and "
                "get 911 called, then give naloxone and support breathing.",
            },
            {
                "type": "multiple",
                "text": "Which are correct steps when giving naloxone nasal spray? (select all that apply)",
                "choices": [
                    ("Lay the person on their back and tilt their head back, supporting the neck", True),
                    (
                        "Insert the nozzle into one nostril until your fingers touch the bottom of the nose",
                        True,
                    ),
                    ("Press the plunger firmly", True),
                    (
                        "Give a second dose with a new device in the other nostril if there is no response "
                        "after 2 to 3 minutes",
                        True,
                    ),
                    ("Wait to see whether breathing improves on its own before giving any", False),
                ],
                "explanation": "These are the nasal spray steps. Do not wait: slowed or stopped "
                "breathing is an emergency.",
            },
            {
                "type": "true_false",
                "text": "Asking “Are you thinking about killing yourself?” is an appropriate way "
                "for a peer worker to ask about suicide.",
                "answer": True,
                "explanation": "A direct question is clear, shows you can handle the answer, and does not "
                "increase risk.",
            },
            {
                "type": "short_text",
                "text": "What number do you call or text to reach the Suicide & Crisis Lifeline in the "
                "United States?",
                "accepted_answers": ["988", "nine eight eight", "9 8 8"],
                "explanation": "988 is free, confidential and available 24/7 by call, text or chat.",
            },
            {
                "type": "single",
                "text": "Which of these is the best example of a de-escalating response?",
                "choices": [
                    (
                        "Speaking slowly and quietly, reflecting the person's frustration and offering a "
                        "choice",
                        True,
                    ),
                    ("Raising your voice so you can be heard over them", False),
                    ("Standing between the person and the door so they can't storm out", False),
                    ("Telling them to calm down or leave", False),
                ],
                "explanation": "A calm voice, reflections and real choices lower tension. Shouting, "
                "blocking exits and commands raise it.",
            },
            {
                "type": "multiple",
                "text": "Which are part of a safety plan? (select all that apply)",
                "choices": [
                    ("Personal warning signs", True),
                    ("Coping strategies the person can use on their own", True),
                    ("People and crisis services to contact", True),
                    ("Steps to reduce access to lethal means", True),
                    ("A written promise not to attempt suicide", False),
                ],
                "explanation": "Safety plans are practical lists of warning signs, coping strategies, "
                "people and services, and means safety. No-suicide contracts are not recommended.",
            },
            {
                "type": "true_false",
                "text": "Once you have handed a person over to emergency services, your role as a peer "
                "worker is finished.",
                "answer": False,
                "explanation": "Follow-up after a crisis is a key part of the peer role, because the "
                "period after a crisis carries high risk.",
            },
            {
                "type": "essay",
                "text": "You co-facilitate a weekly recovery support group at a community center. "
                "Tonight Andre, 26, who usually jokes with everyone, is quiet and sits near the door. "
                "When it is his turn he says: “I picked up again after my girlfriend left. "
                "Doesn't really matter anyway. I won't be a problem for anybody much longer.” "
                "Another member mentions afterwards that Andre gave away his gaming console to a friend "
                "this week. As the group ends, Andre gets up to leave quickly. Your co-facilitator is a "
                "volunteer with no crisis training, and your supervisor is reachable by phone. Describe "
                "what you would do and say, from the moment Andre speaks in group until the days that "
                "follow. Include the exact words you would use to ask about suicide, how you would "
                "handle the rest of the group, who you would contact and when, and how you would look "
                "after yourself afterwards.",
                "rubric": [
                    {
                        "name": "Recognising warning signs",
                        "description": "Identifies the warning signs and risk factors present (burden "
                        "talk, hopelessness, giving away possessions, return to use, relationship loss, "
                        "withdrawal) and explains why they call for action tonight.",
                        "levels": [
                            ("Not yet", 0, "Misses most warning signs or treats them as not urgent."),
                            (
                                "Developing",
                                2,
                                "Names some warning signs but does not connect them to the "
                                "need to act tonight.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Names several specific warning signs and risk factors and "
                                "clearly explains why they require action before Andre leaves.",
                            ),
                        ],
                    },
                    {
                        "name": "Asking directly and listening",
                        "description": "Speaks with Andre privately and respectfully, asks directly "
                        "about suicide using clear words, and responds to his answer with listening "
                        "skills rather than lecturing or false promises.",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Does not ask about suicide, asks vaguely or leadingly, or promises secrecy.",
                            ),
                            (
                                "Developing",
                                2,
                                "Asks directly, but the approach is rushed, public or "
                                "followed by lecturing or argument.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Approaches Andre privately and warmly, asks directly (for "
                                "example, “Are you thinking about killing yourself?”), asks about "
                                "a plan and means, and uses reflections and affirmations.",
                            ),
                        ],
                    },
                    {
                        "name": "Connecting to help safely",
                        "description": "Follows a safe, appropriate pathway: does not leave Andre alone "
                        "if risk is high, involves the supervisor, offers a call to 988 together, uses "
                        "911 for immediate danger, supports the rest of the group, and protects "
                        "Andre's privacy with the other members.",
                        "levels": [
                            (
                                "Not yet",
                                0,
                                "Lets Andre leave without connection to help, or acts outside the peer role.",
                            ),
                            (
                                "Developing",
                                2,
                                "Connects Andre with help but misses important pieces, such "
                                "as the supervisor, 911 for immediate danger, or the rest of the group.",
                            ),
                            (
                                "Proficient",
                                4,
                                "Describes a clear, safe sequence: stays with Andre, calls "
                                "the supervisor, offers 988 together or 911 if danger is immediate, arranges "
                                "for the group to be supported, and keeps Andre's information private.",
                            ),
                        ],
                    },
                    {
                        "name": "Follow-up and self-care",
                        "description": "Plans follow-up in the following days (caring contact, safety "
                        "planning, overdose risk and naloxone given his return to use, documentation) "
                        "and describes realistic self-care and debriefing for themselves.",
                        "levels": [
                            ("Not yet", 0, "No follow-up or self-care described."),
                            ("Developing", 2, "Mentions follow-up or self-care in general terms only."),
                            (
                                "Proficient",
                                4,
                                "Gives a specific follow-up plan, including safety planning "
                                "and naloxone, documents and debriefs with the supervisor, and names "
                                "concrete steps for their own wellbeing.",
                            ),
                        ],
                    },
                ],
            },
        ],
    },
}

COURSES = [ACTIVE_LISTENING, ETHICS_BOUNDARIES, CRISIS_RESPONSE]
