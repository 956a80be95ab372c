"""Text of the home page and the general content pages created by cms.seed.seed_site(). Editors change
them in the Wagtail admin afterwards; the seed never overwrites a page that exists."""

HOME = {
    "title": "Train to become a certified peer support specialist",
    "seo_title": "Home",
    "intro": (
        "<p>Your lived experience of recovery can help someone else find theirs. The Peer Support Academy "
        "trains people in recovery from substance use or mental health conditions to work as peer support "
        "and peer recovery specialists: online courses written by experienced peers, a record of your "
        "supervised practice, and a certificate employers can check.</p>"
    ),
    "body": [
        ("heading", "Learning that fits around your life"),
        (
            "paragraph",
            "<p>Courses are split into short modules you can finish on a phone in a lunch break. Each one "
            "ends with a worked scenario from real peer work, and your dashboard shows the training hours "
            "you have earned in each competency domain.</p>",
        ),
    ],
}

ABOUT = {
    "slug": "about",
    "title": "About",
    "summary": "Who we are, who the academy is for, and what it is not.",
    "body": [
        (
            "paragraph",
            "<p>The Peer Support Academy is an online school for people preparing to work as peer support "
            "or peer recovery specialists: people who use their own experience of recovery to walk "
            "alongside others, in treatment centres, recovery community organisations, hospitals, courts "
            "and outreach teams.</p>",
        ),
        ("heading", "What you will find here"),
        (
            "paragraph",
            "<ul><li>Courses mapped to the four IC&amp;RC peer recovery domains: advocacy; mentoring and "
            "education; recovery and wellness support; ethical responsibility.</li>"
            "<li>Modules with worked scenarios, reflection prompts and short quizzes, written by instructors "
            "who have done the work themselves.</li>"
            "<li>A place to log supervised practice and supervision hours and have your supervisor sign "
            "them off.</li>"
            "<li>Certificates, issued by a program administrator once every requirement is met, that "
            "employers can verify online.</li></ul>",
        ),
        ("heading", "Who it is for"),
        (
            "paragraph",
            "<p>Anyone with lived experience of recovery who wants to support others, whatever your "
            "pathway: mutual-aid groups, treatment, medication, faith, or none of these. You do not need "
            "a degree or previous experience with online learning; every page works on a phone.</p>",
        ),
        (
            "callout",
            {
                "tone": "info",
                "title": "What we are not",
                "text": "<p>The academy is a training service. It is not a treatment or crisis service. If "
                'you need help now, see <a href="/getting-help/">Getting help</a>.</p>',
            },
        ),
    ],
}

HOW_CERTIFICATION_WORKS = {
    "slug": "how-certification-works",
    "title": "How certification works",
    "summary": "Training, supervised practice, an exam and a signed code of ethics: the steps most "
    "certification bodies ask for, and how the academy tracks them.",
    "body": [
        (
            "paragraph",
            "<p>Each certification body (a state board or an IC&amp;RC member board) sets its own rules, and "
            "the numbers differ. The shape is almost always the same, though. The academy keeps each "
            "program's requirements as data its administrators maintain, so your dashboard shows what you "
            "have done and what you still need for the program you are working towards.</p>",
        ),
        ("heading", "1. Training courses"),
        (
            "paragraph",
            "<p>Programs typically ask for 30 to 46 hours of training spread across competency domains, "
            "often with a minimum in ethics (16 hours is common) and sometimes specific topics such as "
            "suicide prevention. Every module you complete credits its hours to one domain.</p>",
        ),
        ("heading", "2. Supervised practice and supervision hours"),
        (
            "paragraph",
            "<p>Most programs want paid or volunteer experience in a peer role, often around 500 hours, "
            "and a number of hours of direct supervision, often 25, by a qualified supervisor. You log your "
            "hours here; your supervisor reviews and signs them off. Only signed-off hours count.</p>",
        ),
        ("heading", "3. Recovery-time attestation"),
        (
            "paragraph",
            "<p>Some programs ask you to attest to a minimum time in recovery, commonly one or two years; "
            "others only ask that you have lived experience. If yours asks, you enter the date once. It is "
            "kept private: only you and program administrators can see it, every time staff open it is "
            'recorded, and it never appears on a certificate. See <a href="/privacy/">Privacy and your '
            "recovery information</a>.</p>",
        ),
        ("heading", "4. Exam and code of ethics"),
        (
            "paragraph",
            "<p>When your training and hours are complete you take the written exam; the pass mark is set "
            "by the program. You also read and sign the code of ethics, a pledge to keep boundaries, "
            "confidentiality and the wellbeing of the people you support first.</p>",
        ),
        ("heading", "5. Certificate and verification"),
        (
            "paragraph",
            "<p>A program administrator reviews your record and issues a digitally signed certificate with "
            "a unique number and a QR code. Employers check it on our verification page, which shows only "
            "your name, the credential, its status and its dates. Certificates usually last two years; "
            "renewing them takes continuing-education hours, often including ethics.</p>",
        ),
        (
            "callout",
            {
                "tone": "tip",
                "title": "Check your certification body's current rules",
                "text": "<p>Requirements change. Before you apply, read the current handbook of the body "
                "that will certify you, and ask a program administrator if anything here differs.</p>",
            },
        ),
    ],
}

PRIVACY = {
    "slug": "privacy",
    "title": "Privacy and your recovery information",
    "summary": "What we keep about you, who can see it, and what never leaves the academy.",
    "body": [
        ("heading", "What we keep"),
        (
            "paragraph",
            "<ul><li>Your account: name, email address and password (stored only as a secure hash).</li>"
            "<li>Your learning: courses, completed modules, hours credited, answers and grades.</li>"
            "<li>Practice and supervision hours you log, and your supervisor's sign-off.</li>"
            "<li>Only if your program requires it: the date your recovery began.</li></ul>",
        ),
        ("heading", "Who can see your recovery date"),
        (
            "paragraph",
            "<p>Only you and the program administrators who check eligibility. Instructors, supervisors, "
            "other trainees and employers cannot see it. Every time a staff member opens it, the audit "
            "trail records who looked and when, never the date itself.</p>",
        ),
        (
            "callout",
            {
                "tone": "info",
                "title": "Never on certificates or verification pages",
                "text": "<p>Your certificate and its public verification page show your name, the "
                "credential, its number, status and dates. Nothing about your recovery or your health "
                "appears there, or in any public look-up.</p>",
            },
        ),
        ("heading", "Who sees the rest"),
        (
            "paragraph",
            "<p>Instructors see your work in the courses they teach. Supervisors see the trainees they "
            "supervise and the hours submitted to them. Program administrators see your record for the "
            "programs you apply to. We do not sell or share your information for marketing.</p>",
        ),
        ("heading", "Questions and corrections"),
        (
            "paragraph",
            "<p>If something in your record is wrong, or you want to know who has looked at it, contact a "
            "program administrator.</p>",
        ),
    ],
}

GETTING_HELP = {
    "slug": "getting-help",
    "title": "Getting help",
    "summary": "Crisis lines, treatment referral and help with the academy.",
    "body": [
        (
            "callout",
            {
                "tone": "warning",
                "title": "If someone is in immediate danger, call 911",
                "text": "<p>For an overdose: call 911, give naloxone if you have it, keep the person "
                "breathing and stay with them until help arrives.</p>",
            },
        ),
        ("heading", "988 Suicide and Crisis Lifeline"),
        (
            "paragraph",
            "<p>Call or text <strong>988</strong>, or chat at "
            '<a href="https://988lifeline.org">988lifeline.org</a>. Free, confidential, 24 hours a day, '
            "for anyone in emotional distress, a suicidal or substance use crisis, or worried about "
            "someone else.</p>",
        ),
        ("heading", "SAMHSA National Helpline"),
        (
            "paragraph",
            "<p>Call <strong>1-800-662-4357</strong> (1-800-662-HELP). Free, confidential treatment "
            "referral and information about mental health and substance use, 24 hours a day, every day of "
            "the year, in English and Spanish.</p>",
        ),
        ("heading", "Help with the academy"),
        (
            "paragraph",
            '<ul><li>Forgotten password: use "Forgot your password?" on the log-in page.</li>'
            "<li>Questions about a course: ask its instructor.</li>"
            "<li>Questions about your hours, eligibility or certificate: contact a program "
            "administrator.</li></ul>",
        ),
    ],
}

CONTENT_PAGES = [ABOUT, HOW_CERTIFICATION_WORKS, PRIVACY, GETTING_HELP]
