"""The pages each role reaches, as data for tests/browser/test_accessibility.py: one list per role (a
visitor), each page a `Visit`. Append a new page to the list of the role that reaches it; `path` may be
a function of the world that test builds (the demo's data and its certificates)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from certificates.seed import ICRC_SLUG

WIDTHS = (375, 1280)


@dataclass(frozen=True)
class Visit:
    """One page: `path` is a string or a function of the world (the data made below). `act`, when
    given, does something on the page first (sends a form with mistakes, say) and returns the HTTP status
    of the page it leads to; the check runs on what it leaves on screen and `status` is that page's."""

    label: str
    path: str | Callable[[dict], str]
    status: int = 200
    act: Callable | None = None

    def url(self, world: dict) -> str:
        return self.path(world) if callable(self.path) else self.path


def send(button: str, fields: dict[str, str | Callable[[dict], str]] | None = None):
    """An act: fill the fields (by label; a value may be a function of the world), switch off the
    browser's own checks so that the server's messages are what shows, and press the button."""

    def act(page, world) -> int | None:
        for label, value in (fields or {}).items():
            field = page.get_by_label(label, exact=True).first
            value = value(world) if callable(value) else value
            if field.get_attribute("type") == "file":
                field.set_input_files(value)
            else:
                field.fill(value)
        page.evaluate("() => document.querySelectorAll('form').forEach((f) => { f.noValidate = true; })")
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name=button, exact=True).first.click()
        return navigation.value.status if navigation.value else None

    return act


# Pages every signed-in person reaches (besides the public ones).
SIGNED_IN = [
    Visit("home after login", "/home/"),
    Visit("notifications", "/notifications/"),
    Visit("notification settings", "/notifications/settings/"),
]

# Pages anyone reaches, signed in or not.
EVERYONE = [
    Visit("home", "/"),
    Visit("catalogue", "/learn/"),
    Visit("course", lambda w: w["course"].url),
    Visit("verify form", "/verify/"),
    Visit("verify result (valid)", lambda w: f"/verify/{w['valid_code']}/"),
    Visit("verify result (revoked)", lambda w: f"/verify/{w['revoked_code']}/"),
    Visit("verify result (unknown code)", lambda w: f"/verify/{w['unknown_code']}/", status=404),
    Visit("verify result (mistyped code)", "/verify/ZZZZ-ZZZZ-ZZZZ/", status=422),
    Visit("public registry", "/registry/"),
    Visit("public registry (no match)", "/registry/?name=zz&state=KY"),
    Visit("shared credential (not shared)", "/credentials/no-such-address/", status=404),
    Visit("page not found", "/no-such-page/", status=404),
]

PAGES: dict[str, list[Visit]] = {
    "anonymous": [
        *EVERYONE,
        Visit(
            "verify form, code too short",
            "/verify/",
            422,
            send("Check the code", {"Certificate code": "ZZZZ"}),
        ),
        Visit(
            "verify result (PDF)",
            "/verify/",
            act=send("Check the PDF", {"Certificate PDF": lambda w: w["pdf"]}),
        ),
        Visit("log in", "/accounts/login/"),
        Visit(
            "log in, wrong password",
            "/accounts/login/",
            act=send("Log in", {"Email": "nobody@example.org", "Password": "not the password"}),
        ),
        Visit("sign up", "/accounts/signup/"),
        Visit("sign up, nothing typed", "/accounts/signup/", act=send("Create account")),
        Visit("password reset", "/accounts/password/reset/"),
    ],
    "trainee": [
        *EVERYONE,
        *SIGNED_IN,
        Visit("my learning", "/learn/dashboard/"),
        Visit("module", lambda w: w["module"].url),
        Visit("quiz", lambda w: f"/assessments/{w['quiz'].pk}/"),
        Visit("quiz, taking", lambda w: f"/assessments/attempts/{w['attempt'].pk}/"),
        Visit("certification checklist", "/certification/"),
        Visit("program", f"/certification/programs/{ICRC_SLUG}/"),
        Visit("pledge", f"/certification/programs/{ICRC_SLUG}/pledge/"),
        Visit("pledge, no name typed", f"/certification/programs/{ICRC_SLUG}/pledge/", 422, send("Sign")),
        Visit("hours", "/certification/hours/"),
        Visit("hours, empty form sent", "/certification/hours/", 422, send("Send to my supervisor")),
        Visit("recovery", "/certification/recovery/"),
        Visit("my details", "/certification/details/"),
        Visit("my certificates (none yet)", "/certificates/"),
        Visit("profile", "/profile/"),
    ],
    # A trainee who holds a certificate (and has every course passed).
    "trainee (holder)": [
        *SIGNED_IN,
        Visit("my certificates (issued)", "/certificates/"),
        Visit("certification checklist", "/certification/"),
        Visit("quiz result", lambda w: f"/assessments/attempts/{w['released'].pk}/result/"),
        Visit("my learning", "/learn/dashboard/"),
        # Alex named Jordan as partner in a role-play (the demo): it waits for Jordan's answer.
        Visit("role-plays to confirm", "/learn/activities/confirmations/"),
    ],
    # A trainee who has just signed up: no course, no program, no supervisor yet.
    "trainee (new)": [
        Visit("home", "/"),
        Visit("my learning (empty)", "/learn/dashboard/"),
        Visit("certification checklist (no program)", "/certification/"),
        Visit("hours (no supervisor)", "/certification/hours/"),
        Visit("my certificates (none)", "/certificates/"),
    ],
    # A trainee whose certificate was revoked.
    "trainee (revoked)": [
        Visit("my certificates (revoked)", "/certificates/"),
        Visit("download (revoked: says why)", lambda w: f"/certificates/{w['revoked'].uuid}/download/", 410),
        Visit("notifications", "/notifications/"),
    ],
    "instructor": [
        Visit("home", "/"),
        *SIGNED_IN,
        Visit("my learning", "/learn/dashboard/"),
        Visit("course (with edit link)", lambda w: w["course"].url),
        # Their own course's module, read as staff without enrolling.
        Visit("module (staff view of own course)", lambda w: w["module"].url),
        Visit("quiz", lambda w: f"/assessments/{w['quiz'].pk}/"),
        Visit("grading queue", "/assessments/grading/"),
        Visit("grading an attempt", lambda w: f"/assessments/grading/{w['to_grade'].pk}/"),
        Visit("gradebooks", "/assessments/gradebook/"),
        Visit("gradebook", lambda w: f"/assessments/gradebook/{w['course'].pk}/"),
        Visit("attendance (courses)", "/learn/activities/attendance/"),
        Visit("attendance sheet", lambda w: f"/learn/courses/{w['course'].pk}/attendance/"),
        Visit("profile", "/profile/"),
        Visit("page not found", "/no-such-page/", status=404),
        Visit("Wagtail admin (not counted)", "/admin/"),
    ],
    "supervisor": [
        Visit("home", "/"),
        *SIGNED_IN,
        Visit("my learning", "/learn/dashboard/"),
        Visit("hours to review", "/certification/supervision/"),
        Visit("verify form", "/verify/"),
        Visit("profile", "/profile/"),
        Visit("page not found", "/no-such-page/", status=404),
    ],
    "program administrator": [
        Visit("home", "/"),
        *SIGNED_IN,
        Visit("programs", "/certification/manage/"),
        Visit("program library", "/certification/manage/library/"),
        Visit("cohort", f"/certification/manage/programs/{ICRC_SLUG}/cohort/"),
        Visit("trainees", "/certification/manage/trainees/"),
        Visit("trainee file", lambda w: f"/certification/manage/trainees/{w['users']['trainee'].pk}/"),
        Visit(
            "trainee records", lambda w: f"/certification/manage/trainees/{w['users']['trainee'].pk}/records/"
        ),
        Visit(
            "record training",
            lambda w: f"/certification/manage/trainees/{w['users']['trainee'].pk}/external/",
        ),
        Visit(
            "record exam result",
            lambda w: f"/certification/manage/trainees/{w['users']['trainee'].pk}/exam-results/",
        ),
        Visit("supervisors", "/certification/manage/supervisors/"),
        Visit("import hours", "/certification/manage/import/hours/"),
        Visit("import training", "/certification/manage/import/external/"),
        Visit("import exam results", f"/certification/manage/programs/{ICRC_SLUG}/import/exam-results/"),
        Visit("applications", "/certificates/manage/"),
        Visit("certificate register", f"/certificates/manage/programs/{ICRC_SLUG}/"),
        Visit("bulk issue", f"/certificates/manage/programs/{ICRC_SLUG}/issue/"),
        Visit("certificate (admin)", lambda w: f"/certificates/manage/{w['certificate'].uuid}/"),
        Visit("certificate (admin, revoked)", lambda w: f"/certificates/manage/{w['revoked'].uuid}/"),
        Visit("suspend: confirm", lambda w: f"/certificates/manage/{w['certificate'].uuid}/suspend/"),
        Visit(
            "revoke: confirm, sent empty",
            lambda w: f"/certificates/manage/{w['certificate'].uuid}/revoke/",
            422,
            send("Revoke the certificate"),
        ),
        Visit("revoke: already revoked", lambda w: f"/certificates/manage/{w['revoked'].uuid}/revoke/", 409),
        Visit("profile", "/profile/"),
        Visit("page not found", "/no-such-page/", status=404),
    ],
}

# Who visits each list: a demo user's key, or one of the trainees the test's world adds. The summary
# counts "trainee (holder)" and "trainee (revoked)" under the trainee role.
VISITORS = {
    "anonymous": None,
    "trainee": "trainee",
    "trainee (holder)": "trainee_eligible",
    "trainee (new)": "newcomer",
    "trainee (revoked)": "revoked_holder",
    "instructor": "instructor",
    "supervisor": "supervisor",
    "program administrator": "admin",
}
