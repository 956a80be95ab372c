"""The demo trainees' answers to the final exams' essay questions, and the marks an instructor gives
them. Each answer responds to its own exam's scenario (courses/content/<course>/final-exam.yaml), and
its marks name the rubric level its text earns on each criterion, so the demo shows honest grading:
not every answer is top marks, and every must-pass criterion is met by the text, not by the marker.

`ANSWERS` is what the fully trained demo trainee writes (graded and released by the demo instructor);
`FIRST_TRIES` what the trainee still in training submits (left in the instructor's queue). A final exam
with an essay and no answer here is not taken by the demo trainees (tests/assessments/test_demo_essays.py
says which is missing)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoEssay:
    text: str
    levels: dict[str, str]  # rubric criterion name -> the label of the level the text earns
    feedback: str


ACTIVE_LISTENING = DemoEssay(
    text=(
        "Dana did not choose to be here, so I would start by respecting that and by thanking her for "
        'coming: "You came today even though this wasn\'t your idea. That took something." (affirmation). '
        "I would not argue about the word alcoholic or try to prove she has a problem; that would only "
        "make her defend her drinking. I would roll with it and make her choice clear: \"You don't see "
        'yourself as having a problem, and you decide what we talk about here." (reflection). Then an '
        'open question: "What would make this hour worth your time?"\n\n'
        "When she mentions her son, I hear change talk (desire and reasons): she hates letting him down. "
        'I would reflect it rather than pounce on it: "Being there for him matters a lot to you." and '
        'then draw it out with another open question: "What would you like him to see when he looks at '
        'you?" If she pushes back ("So now you think I\'m a bad mom"), that is discord, and I would '
        'apologize and reflect instead of defending myself: "I didn\'t mean that. You clearly love him."\n\n'
        "Before we finish I would summarize: \"So you're here because you have to be, you don't like "
        "labels, and being the mom you want to be for your son is really important to you. Did I miss "
        'anything?"\n\n'
        "I might mention that I also once felt pushed into getting help, but only if it seemed to help "
        "her, and I would keep it short."
    ),
    levels={
        "Spirit and respect": "Proficient",
        "Use of OARS": "Proficient",
        "Discord and change talk": "Proficient",
        # "Only if it seemed to help her" is the right instinct, but the answer never says how the
        # story would serve Dana or hand the conversation back to her.
        "Purposeful use of lived experience": "Developing",
    },
    feedback=(
        "A respectful, collaborative first meeting: every OARS skill in your own words, and you heard "
        "Dana's change talk about her son and answered the discord without arguing. On sharing your "
        "story, say what it would do for Dana and how you would turn the focus back to her."
    ),
)

CRISIS_RESPONSE = DemoEssay(
    text=(
        "In group, when Andre says he won't be a problem for anybody much longer, I would not move on. I "
        'would say: "Andre, thank you for telling us. I want to check in with you properly after group. '
        'Will you stay back for a few minutes?" I would let the group carry on with my co-facilitator, '
        "and keep an eye on the door.\n\n"
        'I am hearing several warning signs at once: burden talk ("I won\'t be a problem much longer"), '
        'hopelessness ("doesn\'t really matter"), giving away his gaming console, returning to use, and '
        "the loss of his relationship. Together they mean I need to act tonight, before he leaves.\n\n"
        "When he gets up to leave, I would go with him to a quiet place, not stop him at the door in "
        'front of everyone. I would ask directly and calmly: "Andre, sometimes when people say what you '
        'said, they are thinking about suicide. Are you thinking about killing yourself?" If he says yes '
        'I would ask: "Have you thought about how you would do it? Do you have what you need to do it?" '
        'and listen, reflecting what I hear: "Since she left it feels like nothing matters." I would not '
        "promise to keep it secret.\n\n"
        "I would not leave him alone. I would ask my co-facilitator to close the group and stay with the "
        "other members (without sharing Andre's details), and I would call my supervisor while staying "
        'with Andre. I would offer to call or text 988 together: "Would you be willing to call the '
        'Lifeline with me right now?" If he had a plan and the means, or tried to leave while in danger, '
        "I would call 911. I would tell the member who mentioned the console only that I am following up.\n\n"
        "In the next days I would make a caring contact the next morning and again during the week, help "
        "him build a safety plan with his own warning signs, coping steps and people to call, and talk "
        "about making his home safer. Because he has started using again after a break, his tolerance may "
        "be lower, so I would make sure he has naloxone and knows not to use alone. I would document what "
        "happened as my agency requires and debrief with my supervisor.\n\n"
        "For myself: this would shake me. I would talk it through with my supervisor that night, call my "
        "sponsor, and keep my own routines that week, like my meeting and a walk."
    ),
    levels={
        "Recognizing warning signs": "Proficient",
        "Asking directly and listening": "Proficient",
        # Must-pass (minimum Developing): stays with Andre, supervisor, 988 together, 911 if in danger.
        "Connecting to help safely": "Proficient",
        "Follow-up and self-care": "Proficient",
    },
    feedback=(
        "You acted before Andre left, asked directly in plain words, stayed with him, involved your "
        "supervisor and offered 988 together, with 911 for immediate danger. The follow-up covers the "
        "safety plan and his overdose risk after returning to use."
    ),
)

ETHICS_BOUNDARIES = DemoEssay(
    text=(
        "First I would thank Jamie for trusting me: \"It took courage to tell me this, and I'm glad you "
        'did." Then I would be honest, because a false promise would break her trust later: "I can\'t '
        "promise to keep this from your counselor. When you started here you agreed that we share "
        "information within your treatment team, and I'm part of that team. What I can promise is that "
        "I won't go behind your back, and we can decide together how she hears it.\"\n\n"
        'I would reflect her fear: "You\'re scared this could cost you time with your kids." I would '
        "offer options that keep her in charge: she could tell her counselor herself, we could tell her "
        "together, or I could be there while she does. Using again after a fight is part of many people's "
        "recovery, and saying so out loud is a strength.\n\n"
        "Her safety matters most right now. After five months without using, her tolerance is lower, so "
        "the heroin she still has at home could cause an overdose. I would ask how she is coping and "
        "whether she is safe, make sure she has naloxone and knows how to use it, and talk about not using "
        "alone. If she told me she was thinking of harming herself I would follow the crisis procedure.\n\n"
        "Afterwards I would talk to my supervisor the same day and document what Jamie said, in her words, "
        "as our policy requires. I would not share anything outside the team. This follows honesty, "
        "respect for her self-determination and team-based care, and it keeps my role as a peer, not "
        "as her secret-keeper."
    ),
    levels={
        "Honesty about confidentiality": "Proficient",
        "Person-centered response": "Proficient",
        "Safety and overdose risk": "Proficient",
        # Consults and documents, names the principles, but does not tie each step to its principle.
        "Consultation and documentation": "Developing",
    },
    feedback=(
        "Honest and warm: no false promise, the team consent explained, Jamie kept in charge of how her "
        "counselor hears it, and her overdose risk addressed with naloxone. Link each step you take to "
        "the principle behind it, not only in a list at the end."
    ),
)

PEER_PRACTICE = DemoEssay(
    text=(
        'During the group, as soon as Rick speaks I would respond calmly, without shaming him: "Rick, '
        "one of our agreements is that everyone is welcome here, whatever language they speak. Let's "
        'keep to that." My co-facilitator would stay with the group while I go after Ana, so she is '
        "not left alone and the group is not left without a facilitator.\n\n"
        "With Ana, I would apologize that this happened in our group and ask, with her cousin's help "
        "only for this first conversation, how she is and what she would like. I would offer a free, "
        "qualified interpreter for future sessions, so she does not have to rely on family for private "
        "things, or a Spanish-language group if she would prefer one. I would raise the lack of "
        "interpreting with my supervisor as a barrier the program needs to fix.\n\n"
        "After group I would talk with Rick privately and respectfully about the agreement and why it "
        "matters, and listen to what is going on for him.\n\n"
        "On the phone with the case manager, I would not confirm that Ana attends at all, because Ana has "
        "signed no release for that agency, and our program is covered by 42 CFR Part 2, so even saying "
        "she comes to our group would identify her as a client: \"I'm not able to say whether someone attends our program. If the person "
        "you're working with wants us to share something, she can sign a release with us.\" I would then "
        "ask Ana whether she wants to sign a specific release that shares only what her housing "
        "application needs, and I would tell my supervisor about the call.\n\n"
        "My note would be short and factual: that Ana attended her first group, a member made a comment "
        "about language and Ana left, I followed up with her and offered an interpreter, and a case "
        "manager from another agency called and no information was shared. No opinions about her "
        "commitment and no other members' names."
    ),
    levels={
        "Equity and language access": "Proficient",
        "Group facilitation": "Proficient",
        "Confidentiality and consent": "Proficient",
        "Documentation": "Proficient",
    },
    feedback=(
        "Clear and respectful at every step: Rick's comment met through the group agreements, Ana offered "
        "a qualified interpreter, nothing confirmed to the case manager without a release, and a short, "
        "factual note with no labels."
    ),
)

RECOVERY_PATHWAYS = DemoEssay(
    text=(
        'I would welcome Nia and thank her for coming in and for being honest with me: "You came in, and '
        'you told me the truth about the other night. That takes strength." I would call it a return to '
        'use, not a failure, and be curious rather than disappointed: "What was going on for you that '
        'night?" Ten days out of jail, no ID, a bed at risk and missing her children is a lot, and she has '
        "not lost what she built: she is still on buprenorphine and she still wants her kids on weekends.\n\n"
        "When she says some days she can't see the point, I would ask directly: \"Sometimes when people "
        'feel that way they think about suicide. Are you thinking about killing yourself?" If she says '
        "yes, I would stay with her, call my supervisor, offer to call or text 988 together, and call 911 if "
        "she is in immediate danger. If she says no, I would still plan a check-in for the next day. Her "
        "overdose risk is high: her tolerance dropped in jail and she used fentanyl alone. I would make "
        "sure she leaves with naloxone and knows how to use it, and talk about never using alone.\n\n"
        "Buprenorphine is real treatment and she should not have to give it up to keep a bed. With five days "
        "left, getting her to a prescriber is urgent: I would call a re-entry program or clinic with her "
        "(or search findtreatment.gov together) and book an appointment before she leaves. With her "
        "consent, I would talk with the shelter together with her about its rule, and if it will not "
        "change, look for a place to stay that accepts medication.\n\n"
        "Then we would make a plan in her words around her hope of weekends with her children: this week, "
        "get her state ID (I do the first call with her, next time we do it together, then she does it), "
        "apply for Medicaid, and call 211 about housing; next week, the prescriber visit and a legal aid "
        "appointment about her children. I would check in with her twice a week.\n\n"
        "I would stay in my role: dose and tapering are for her prescriber, questions about custody are "
        "for legal aid, I would share nothing without her consent, and I would keep my supervisor informed."
    ),
    levels={
        # Must-pass (minimum Developing): asks directly, says what happens with each answer, naloxone.
        "Safety and connecting to help": "Proficient",
        # Warm and curious, but the answer never weighs where she is in the stages of change.
        "Responding to the return to use without shame": "Developing",
        "Respecting her pathway and advocating": "Proficient",
        "A plan that is hers, and the resources to carry it": "Proficient",
        "Staying within the peer role": "Proficient",
    },
    feedback=(
        "You asked Nia directly about suicide and said what you would do with either answer, addressed "
        "her overdose risk with naloxone, and treated her medication as treatment, acting before the five "
        "days run out. Think about her stage of change when you choose the next steps with her."
    ),
)

ANSWERS: dict[str, DemoEssay] = {
    "active-listening": ACTIVE_LISTENING,
    "crisis-response": CRISIS_RESPONSE,
    "ethics-boundaries": ETHICS_BOUNDARIES,
    "peer-practice": PEER_PRACTICE,
    "recovery-pathways": RECOVERY_PATHWAYS,
}

# The trainee still in training: a shorter first try at the first course's exam, awaiting grading.
FIRST_TRIES: dict[str, str] = {
    "active-listening": (
        "I would listen first and ask Dana an open question about what brought her here. I would "
        "reflect that she feels pushed into coming and that she doesn't like the word alcoholic. When she "
        "talks about her son I would notice that he matters to her and ask more about it. I might share a "
        "little of my own story if it seems helpful, but keep the focus on her."
    ),
}
