"""The API permission matrix: every operation of the one NinjaAPI (lms.api.api), what each role gets.

Roles (tests/permissions/world.py): anonymous; trainee (owner of the objects named in the path);
other_trainee (another trainee naming the trainee's objects); instructor (teaches the courses);
supervisor (supervises the trainee); program_admin.

Expected classes: OK (2xx); ALLOWED (past the permission check: 2xx or a domain refusal such as 409 or
422, never 401/403/404); 401, 403, 404. No case may answer 5xx.

`visible_to` names roles that may read the object (its supervisor, an administrator, its owner): a
403 for them reveals nothing, so they are not compared with a missing id. `missing_body` is the body
naming a missing object, for operations that name objects in the body.

`ids` maps a path parameter to the world's key when it differs from the parameter's name. `public` marks
operations whose path names a public thing (a course, a module, an assessment of a public course): their
domain refusals ("enrol first") may differ from "no such thing". Every other operation must answer a
refused role the same (status and body) for an existing id and a missing one."""

from certificates.issuing.codes import RANDOM_LENGTH, check_character, format_code

OK, ALLOWED, A401, A403, A404 = "ok", "allowed", 401, 403, 404


def row(anonymous, trainee, other_trainee, instructor, supervisor, program_admin, **extra):
    expected = {
        "anonymous": anonymous,
        "trainee": trainee,
        "other_trainee": other_trainee,
        "instructor": instructor,
        "supervisor": supervisor,
        "program_admin": program_admin,
    }
    return {"expected": expected, **extra}


def everyone(result=OK, **extra):
    """Public: the same for every role, anonymous included."""
    return row(result, result, result, result, result, result, **extra)


def signed_in(result=OK, **extra):
    """Any signed-in person, about themselves."""
    return row(A401, result, result, result, result, result, **extra)


def admin_only(result=OK, **extra):
    """Program administrators; everyone else is refused by role (403) whatever the ids."""
    return row(A401, A403, A403, A403, A403, result, **extra)


def markers(result=OK, admin=OK, **extra):
    """Instructors of the course (and the role check first: trainees and supervisors get 403)."""
    return row(A401, A403, A403, result, A403, admin, **extra)


STAFF_OF_ENTRY = ("supervisor", "program_admin")
OWNER_AND_ADMIN = ("trainee", "program_admin")
REASON = {"reason": "Checked by the permission matrix."}

MATRIX = {
    # --- courses -------------------------------------------------------------------------------------
    "GET /courses": everyone(),
    "GET /courses/{course_id}": everyone(public=True),
    "POST /courses/{course_id}/enrol": signed_in(ALLOWED, ids={"course_id": "enrol_course_id"}, public=True),
    "POST /modules/{module_id}/complete": row(A401, OK, A403, A403, A403, A403, public=True),
    "GET /me/progress": signed_in(),
    # --- assessments ---------------------------------------------------------------------------------
    "GET /assessments/{assessment_id}": row(A401, OK, A404, OK, A404, OK),
    "POST /assessments/{assessment_id}/attempts": row(A401, OK, A403, A403, A403, A403, public=True),
    "GET /attempts/{attempt_id}": row(A401, OK, A404, A404, A404, A404),
    "PUT /attempts/{attempt_id}/answers": row(A401, OK, A404, A404, A404, A404, body={"answers": []}),
    "POST /attempts/{attempt_id}/submit": row(A401, OK, A404, A404, A404, A404, body={"answers": []}),
    "GET /attempts/{attempt_id}/result": row(A401, OK, A404, A404, A404, A404),
    "GET /grading/queue": markers(),
    "GET /grading/attempts/{attempt_id}": markers(admin=A404, ids={"attempt_id": "grading_attempt_id"}),
    "POST /grading/attempts/{attempt_id}/grade": markers(
        admin=A404, ids={"attempt_id": "grading_attempt_id"}, body="grade"
    ),
    "POST /grading/attempts/{attempt_id}/release": markers(
        ALLOWED, admin=A404, ids={"attempt_id": "grading_attempt_id"}
    ),
    "POST /grading/attempts/{attempt_id}/regrade": markers(
        ALLOWED, admin=A404, ids={"attempt_id": "grading_attempt_id"}, body=REASON
    ),
    "GET /gradebook/{course_id}": markers(ids={"course_id": "gradebook_course_id"}),
    # Authoring: an assessment of a course the instructor teaches, its essay rubric's first criterion.
    "PUT /assessments/{assessment_id}/pinned-questions": markers(body={"question_ids": []}),
    "PUT /rubrics/{rubric_id}/criteria/{criterion_id}/must-pass": markers(body={"must_pass": False}),
    # --- programs ------------------------------------------------------------------------------------
    "GET /programs/library": admin_only(),
    "POST /programs/library/{slug}/import": admin_only(ALLOWED, ids={"slug": "library_slug"}),
    "GET /programs": everyone(),
    "POST /programs": admin_only(ALLOWED, body={}),
    "GET /programs/{slug}": everyone(),
    "PATCH /programs/{slug}": admin_only(body={"description": "Edited by the permission matrix."}),
    "GET /programs/{slug}/export": admin_only(),
    "POST /programs/{slug}/enroll": signed_in(ALLOWED),
    "POST /programs/{slug}/pledge": signed_in(ALLOWED, body={"typed_name": "Tess Trainee"}),
    # --- eligibility ---------------------------------------------------------------------------------
    "GET /eligibility": signed_in(),
    "GET /programs/{slug}/eligibility": admin_only(),
    "GET /programs/{slug}/eligibility/{user_id}": admin_only(),
    # --- exam results (training) ---------------------------------------------------------------------
    "POST /programs/{slug}/exam-results": admin_only(
        ALLOWED, body={"user_id": "{user_id}", "exam": "board", "taken_on": "2024-03-01", "passed": True}
    ),
    "GET /programs/{slug}/exam-results": admin_only(),
    "GET /exam-results": signed_in(),
    "POST /programs/{slug}/exam-results/import": admin_only(ALLOWED, files={}),
    # --- hours ---------------------------------------------------------------------------------------
    "GET /hours": signed_in(),
    "POST /hours": signed_in(
        ALLOWED, body={"date": "2024-05-03", "hours": "1", "supervisor_id": "{supervisor_id}"}
    ),
    "GET /hours/supervisors": signed_in(),
    "GET /hours/{entry_id}": row(A401, OK, A404, A404, OK, OK),
    # The supervisor and administrators see the entry, so refusing them an edit reveals nothing.
    "PATCH /hours/{entry_id}": row(
        A401, OK, A404, A404, A403, A403, body={"description": "Edited."}, visible_to=STAFF_OF_ENTRY
    ),
    "POST /hours/{entry_id}/withdraw": row(A401, OK, A404, A404, A403, A403, visible_to=STAFF_OF_ENTRY),
    "GET /supervision/queue": signed_in(),
    "POST /hours/{entry_id}/decision": row(
        A401, A403, A404, A404, OK, A403, body={"approve": True}, visible_to=OWNER_AND_ADMIN
    ),
    "POST /supervision/decisions": row(
        A401,
        A403,
        A404,
        A404,
        OK,
        A403,
        body={"approve": True, "entry_ids": ["{entry_id}"]},
        missing_body={"approve": True, "entry_ids": [2_000_000_000]},
        visible_to=OWNER_AND_ADMIN,
    ),
    "GET /supervisors": admin_only(),
    "POST /supervisors/{user_id}/qualifications": admin_only(
        ALLOWED,
        ids={"user_id": "supervisor_id"},
        body={"credential": "CCS", "number": "2", "valid_from": "2021-01-01"},
    ),
    "PATCH /supervisors/{user_id}/qualifications/{qualification_id}": admin_only(
        ids={"user_id": "supervisor_id"}, body={"notes": "Checked."}
    ),
    "GET /supervision/qualifications": signed_in(),
    # --- recovery and applicant details (always the signed-in person's own) ----------------------------
    "GET /recovery-attestation": signed_in(ALLOWED),
    "POST /recovery-attestation": signed_in(
        ALLOWED, body={"recovery_start_date": "2020-01-01", "typed_name": "Tess Trainee", "confirmed": True}
    ),
    "GET /me/details": signed_in(),
    "POST /me/details/date-of-birth": signed_in(
        ALLOWED, body={"date_of_birth": "1980-01-01", "typed_name": "Tess Trainee"}
    ),
    "POST /me/details/education": signed_in(ALLOWED, body={"level": "high_school", "typed_name": "Tess"}),
    "GET /me/profile": signed_in(),
    "PATCH /me/profile": signed_in(body={"preferred_name": "Tess"}),
    # --- verification and Open Badges (public) --------------------------------------------------------
    "POST /verify/pdf": everyone(ALLOWED, files={"file": ("upload.pdf", b"%PDF-1.4 not a certificate")}),
    "GET /verify/{code}": everyone(),
    "POST /verify/bulk": everyone(ALLOWED, body={"codes": ["PSA-0000-0000", "not a code"]}),
    "GET /certificates/{code}/credential": row(A401, OK, A404, A404, A404, OK),
    "GET /status-lists/{purpose}": everyone(),
    "GET /credentials/{token}": everyone(),
    # The public registry (no login): a search without a name is a 422, never a refusal.
    "GET /registry": everyone(ALLOWED),
    # Only the holder shares (an administrator is refused by role: 403); the holder or an administrator
    # stops a link; anyone else is answered as for a missing one.
    "POST /certificates/{code}/credential/links": row(
        A401, OK, A404, A404, A404, A403, visible_to=("program_admin",)
    ),
    "DELETE /credential-links/{link_id}": row(A401, OK, A404, A404, A404, OK),
    "GET /achievements/{slug}/image": everyone(),
    "GET /issuer": everyone(),
    "GET /issuer/jwks": everyone(),
    "GET /issuer/keys/{kid}": everyone(),
    # --- applications and certificates ---------------------------------------------------------------
    "POST /certificates/applications": signed_in(ALLOWED, body={"version_id": "{version_id}"}),
    "GET /certificates/applications": signed_in(),
    "POST /certificates/applications/{application_id}/approve": admin_only(ALLOWED),
    "POST /certificates/applications/{application_id}/reject": admin_only(body=REASON),
    "GET /certificates": signed_in(),
    "GET /certificates/{code}": row(A401, OK, A404, A404, A404, OK),
    "POST /certificates/{code}/suspend": admin_only(body=REASON),
    "POST /certificates/{code}/reinstate": admin_only(ALLOWED, body=REASON),
    "POST /certificates/{code}/revoke": admin_only(body=REASON),
    "POST /certificates/{code}/renew": row(A401, ALLOWED, A404, A404, A404, ALLOWED),
}

# A value no object has, for each kind of path parameter.
MISSING = {
    "slug": "no-such-program",
    "code": format_code("0" * RANDOM_LENGTH + check_character("0" * RANDOM_LENGTH)),  # well formed
    "purpose": "no-such-list",
    "kid": "no-such-key",
    "token": "no-such-token",
}
MISSING_ID = 2_000_000_000
