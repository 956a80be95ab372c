"""Bulk verification page (/verify/bulk/): an employer checks a CSV file or pasted list of codes. Every
state answered per row (valid, expired, suspended, revoked, not found, malformed, duplicates), never
any recovery data; the CSV download (formula-safe); lists refused whole with a clear 4xx and nothing
spent; the rate limit spent per distinct code; a constant number of queries for any list."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.issuing import ratelimit
from certificates.issuing.codes import format_code, generate_code
from tests.factories import TraineeFactory

from .bulkhelpers import *  # noqa: F403
from .bulkhelpers import RECOVERY_FORMS, make_certificate, shown, typed_loosely
from .helpers import *  # noqa: F403
from .helpers import fresh_ip

pytestmark = pytest.mark.django_db
URL = "/verify/bulk/"


def upload(client, content, *, name="codes.csv", ip=None, **extra):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(
        URL,
        {"file": SimpleUploadedFile(name, data, content_type="text/csv"), "codes": "", **extra},
        REMOTE_ADDR=ip or fresh_ip(),
    )


def paste(client, text, *, ip=None, **extra):
    return client.post(URL, {"codes": text, **extra}, REMOTE_ADDR=ip or fresh_ip())


def csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def _data_url_csv(html: str) -> str:
    import base64

    match = re.search(r'href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)" download="([^"]+)"', html)
    assert match, "the results page offers the CSV download"
    assert match.group(2).startswith("certificate-checks-") and match.group(2).endswith(".csv")
    return base64.b64decode(match.group(1)).decode("utf-8")


# --- The page -----------------------------------------------------------------------------------------


def test_the_form_is_public_and_linked_from_the_single_check(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="file"' in html and 'name="codes"' in html and "csrfmiddlewaretoken" in html
    assert "no-store" in response["Cache-Control"]
    assert 'href="/verify/bulk/"' in client.get("/verify/").content.decode()


@pytest.mark.parametrize("who", ["anonymous", "trainee", "program admin"])
def test_anyone_may_check_a_list_signed_in_or_not(client, register, who):
    from tests.factories import ProgramAdminFactory

    if who != "anonymous":
        client.force_login(TraineeFactory() if who == "trainee" else ProgramAdminFactory())
    assert client.get(URL).status_code == 200
    response = paste(client, shown(register.valid))
    assert response.status_code == 200
    assert [row.status for row in response.context["result"].rows] == ["current"]
    assert "no-store" in response["Cache-Control"]


def test_every_state_is_answered_per_row(client, register):
    r = register
    content = "\n".join(
        [
            "code,name",
            f"{shown(r.valid)},Ana",
            f"{shown(r.expired)},Ben",
            f"{shown(r.suspended)},Cy",
            f"{shown(r.revoked)},Dee",
            f"{shown(r.pending)},Eve",
            f"{format_code(r.unknown)},Nobody",
            "HELLO-WORLD,Typo",
            ",Blank",
            f"{typed_loosely(r.valid.code)},Ana again",
        ]
    )
    response = upload(client, content)
    assert response.status_code == 200
    rows = response.context["result"].rows
    assert [(row.row, row.status) for row in rows] == [
        (2, "current"),
        (3, "expired"),
        (4, "suspended"),
        (5, "revoked"),
        (6, "not_found"),  # pending: not in the public register
        (7, "not_found"),
        (8, "malformed"),
        (9, "malformed"),
        (10, "current"),
    ]
    assert [str(row.status_label) for row in rows[:4]] == ["Valid", "Expired", "Suspended", "Revoked"]
    assert rows[6].message.startswith("A certificate code has 12 letters and digits")
    assert rows[7].message == "This row is blank."
    assert rows[5].message == "No certificate with this code was issued here."
    # The repeated code is answered again (same holder) and says which row it repeats.
    assert rows[8].duplicate_of == 2 and rows[8].verification == rows[0].verification
    assert rows[8].message.endswith("The same code as row 2.")
    assert rows[0].verification.holder_name == "Ana Valid"
    assert rows[2].verification.status_reason == "Under review by the board."
    counts = response.context["result"].counts
    assert counts["current"] == 2 and counts["malformed"] == 2 and counts["not_found"] == 2
    assert counts["total"] == 9 and counts["checked"] == 6 and counts["duplicates"] == 1
    html = response.content.decode()
    for text in ("Ana Valid", "Ben Expired", "Cy Suspended", "Dee Revoked", "Under review by the board."):
        assert text in html
    assert "Eve Pending" not in html  # a certificate still being issued is not shown
    assert "Row 10" in html and "HELLO-WORLD" in html


def test_pasted_codes_one_a_line(client, register):
    text = f"{shown(register.valid)}\n\n{register.expired.code.lower()}\n\n"
    response = paste(client, text)
    assert response.status_code == 200
    rows = response.context["result"].rows
    assert [(row.row, row.status) for row in rows] == [(1, "current"), (2, "malformed"), (3, "expired")]
    # The refused or answered form keeps what was pasted.
    assert register.expired.code.lower() in response.content.decode()


@pytest.mark.parametrize(
    "content",
    [
        "CODE\r\n{valid}\r\n",  # a header in capitals, Windows line ends
        "\ufeffcode\n{valid}\n",  # UTF-8 with a byte order mark (Excel's "CSV UTF-8")
        "{valid}\n",  # no header: the first column
        "name;code\nAna;{valid}\n",  # semicolons (spreadsheets in many languages)
        'name,code\n"Valid, Ana",{valid}\n',  # the code column wherever it is; quoted commas
    ],
)
def test_csv_shapes(client, register, content):
    response = upload(client, content.format(valid=shown(register.valid)).encode("utf-8"))
    assert response.status_code == 200
    assert [row.status for row in response.context["result"].rows] == ["current"]


def test_no_recovery_or_private_data_anywhere(client, register):
    content = f"code\n{shown(register.valid)}\n"
    for response in (upload(client, content), upload(client, content, format="csv")):
        text = response.content.decode()
        assert "Ana Valid" in text
        for form in RECOVERY_FORMS:
            assert form not in text
        assert register.holder.email not in text
        assert "recovery_start" not in text.lower()


# --- The CSV ------------------------------------------------------------------------------------------


def test_the_results_page_offers_the_same_results_as_csv(client, register):
    r = register
    response = paste(client, f"{shown(r.valid)}\n{shown(r.revoked)}\n=1+2\n{shown(r.valid)}")
    rows = csv_rows(_data_url_csv(response.content.decode()))
    assert rows[0][:5] == ["Row", "Code as typed", "Certificate code", "Status", "Message"]
    assert len(rows) == 5
    assert rows[1][:4] == ["1", shown(r.valid), shown(r.valid), "Valid"]
    assert rows[1][5:8] == ["Ana Valid", r.valid.version.program.name, r.valid.version.label]
    assert rows[1][10:12] == [r.valid.issued_on.isoformat(), r.valid.expires_on.isoformat()]
    assert rows[2][3] == "Revoked" and rows[2][12]  # the revocation's date
    # Formula injection: the reason and the typed cell start with "=", so get an apostrophe.
    assert rows[2][13] == '\'=HYPERLINK("http://evil.example")'
    assert rows[3][1] == "'=1+2" and rows[3][3] == "Not a certificate code"
    assert rows[4][4].endswith("The same code as row 1.")


def test_format_csv_answers_the_file_itself(client, register):
    response = upload(client, f"code\n{shown(register.suspended)}\n", format="csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="certificate-checks-')
    rows = csv_rows(response.content.decode())
    assert rows[1][:6] == ["2", shown(register.suspended), shown(register.suspended), "Suspended",
                           "This certificate is authentic but is suspended: it is not valid at the moment.",
                           "Cy Suspended"]  # fmt: skip
    assert rows[1][13] == "Under review by the board."


# --- Refused whole ------------------------------------------------------------------------------------


def test_ten_thousand_codes_are_refused_whole_with_nothing_checked_or_spent(client, settings, frozen_window):
    settings.VERIFY_RATE_LIMITS = {"verify": 5, "verify-pdf": 5}
    ip = fresh_ip()
    content = "code\n" + "\n".join(generate_code() for _ in range(10_000))
    with CaptureQueriesContext(connection) as queries:
        response = upload(client, content, ip=ip)
    assert not [q for q in queries.captured_queries if "certificates_certificate" in q["sql"]]
    assert response.status_code == 413
    message = response.context["error"].message
    assert message.startswith("This list has 10,000 codes; at most 500 can be checked at once.")
    assert "Nothing was checked." in message
    assert "This list has 10,000 codes" in response.content.decode()
    # Nothing was spent: the whole budget (5) is still there.
    assert paste(client, "\n".join(generate_code() for _ in range(5)), ip=ip).status_code == 200


def test_the_cap_is_a_setting(client, settings):
    settings.VERIFY_BULK_MAX_CODES = 3
    response = paste(client, "\n".join(generate_code() for _ in range(4)))
    assert response.status_code == 413
    assert "This list has 4 codes; at most 3 can be checked at once." in response.content.decode()


@pytest.mark.parametrize(
    ("content", "status", "message"),
    [
        (b"", 422, "The submitted file is empty."),
        (b"\n\n  \n", 422, "The file is empty."),
        (b"code\n", 422, "No certificate codes were found."),
        (b"PK\x03\x04\x14\x00\x06\x00rest-of-an-xlsx", 422, "This file is not a CSV file"),
        (b"%PDF-1.7\n", 422, "This file is not a CSV file"),
        (b"code\nABC\x00DEF\n", 422, "This file is not a CSV file"),
        ("code\nCAFÉ\n".encode("latin-1"), 422, "This file is not UTF-8 text."),
        (b"code\n" + b"A" * 41 + b"\n", 422, "Row 2 is 41 characters long"),
    ],
)
def test_unreadable_files_get_a_clear_4xx(client, content, status, message):
    response = upload(client, content)
    assert response.status_code == status
    assert message in response.content.decode()
    assert response.context["result"] is None


def test_a_file_over_the_byte_cap_is_refused(client, settings):
    settings.VERIFY_BULK_MAX_BYTES = 100
    settings.UPLOAD_LIMITS = {**settings.UPLOAD_LIMITS, URL: 100}
    response = upload(client, "code\n" + "\n".join(generate_code() for _ in range(10)))
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_a_pasted_list_over_the_byte_cap_is_refused(client, settings):
    settings.VERIFY_BULK_MAX_BYTES = 100
    response = paste(client, "\n".join(generate_code() for _ in range(10)))
    assert response.status_code == 413
    assert "The list is larger than 100 bytes." in response.content.decode()


def test_nothing_or_both_inputs_are_refused_keeping_the_text(client, register):
    response = client.post(URL, {"codes": "  "}, REMOTE_ADDR=fresh_ip())
    assert response.status_code == 422
    assert "Choose a CSV file of certificate codes, or paste the codes." in response.content.decode()
    response = upload(client, "code\nX\n", codes="PRX-TYPED")
    assert response.status_code == 422
    html = response.content.decode()
    assert "Choose a file or paste codes, not both" in html and "PRX-TYPED" in html


def test_get_and_post_only(client):
    assert client.put(URL).status_code == 405


# --- The rate limit, per code -------------------------------------------------------------------------


def test_a_list_spends_one_check_per_distinct_code(client, settings, register, frozen_window):
    settings.VERIFY_RATE_LIMITS = {"verify": 10, "verify-pdf": 10}
    ip = fresh_ip()
    # 4 distinct codes (one twice, one malformed, one blank line): 4 checks.
    text = "\n".join(
        [shown(register.valid), shown(register.expired), "nonsense", "", shown(register.valid)]
        + [generate_code(), generate_code()]
    )
    assert paste(client, text, ip=ip).context["result"].counts["checked"] == 4
    # 6 remain: a list of 7 is refused whole, says so, and spends nothing.
    response = paste(client, "\n".join(generate_code() for _ in range(7)), ip=ip)
    assert response.status_code == 429
    assert response.context["result"] is None
    assert (
        "This list needs 7 checks (one for each different code), but only 6 remain"
        in response.content.decode()
    )
    # Exactly 6 remain: a list of 6 passes, then even one more check is refused.
    assert paste(client, "\n".join(generate_code() for _ in range(6)), ip=ip).status_code == 200
    assert client.get(f"/verify/{shown(register.valid)}/", REMOTE_ADDR=ip).status_code == 429
    response = paste(client, shown(register.valid), ip=ip)
    assert response.status_code == 429 and "only 0 remain" in response.content.decode()


def test_single_checks_and_lists_share_one_budget(client, settings, register, frozen_window):
    settings.VERIFY_RATE_LIMITS = {"verify": 3, "verify-pdf": 3}
    ip = fresh_ip()
    assert client.get(f"/verify/{shown(register.valid)}/", REMOTE_ADDR=ip).status_code == 200
    assert paste(client, "\n".join(generate_code() for _ in range(3)), ip=ip).status_code == 429
    assert paste(client, "\n".join(generate_code() for _ in range(2)), ip=ip).status_code == 200


def test_a_list_of_only_malformed_rows_costs_nothing(client, settings, frozen_window):
    settings.VERIFY_RATE_LIMITS = {"verify": 1, "verify-pdf": 1}
    ip = fresh_ip()
    assert paste(client, "one\ntwo\nthree", ip=ip).status_code == 200
    assert paste(client, generate_code(), ip=ip).status_code == 200


def test_spend_counts_in_one_cache_operation(rf, settings, frozen_window):
    from django.core.cache import cache

    settings.VERIFY_RATE_LIMITS = {"verify": 10, "verify-pdf": 10}
    request = rf.get("/", REMOTE_ADDR=fresh_ip())
    key = f"ratelimit:verify:{ratelimit.client_key(request)}:{int(1_800_000_030 // 60)}"
    ratelimit.spend(request, "verify", 7)
    assert cache.get(key) == 7
    with pytest.raises(ratelimit.BatchTooMany) as refused:
        ratelimit.spend(request, "verify", 4)
    assert refused.value.remaining == 3 and refused.value.status_code == 429
    assert cache.get(key) == 7  # refunded
    ratelimit.spend(request, "verify", 3)
    assert cache.get(key) == 10


# --- Queries ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [5, 300])
def test_a_constant_number_of_queries_whatever_the_length(
    client, version, size, django_assert_max_num_queries
):
    made = [make_certificate(version, name=f"Holder {i}") for i in range(3)]
    codes = [shown(c) for c in made] + [generate_code() for _ in range(size - 3)]
    TraineeFactory()  # someone else in the database
    with django_assert_max_num_queries(5):
        response = paste(client, "\n".join(codes))
    assert response.status_code == 200
    assert len(response.context["result"].rows) == size
    assert response.context["result"].counts["current"] == 3


@pytest.mark.redis
def test_with_redis_a_list_is_spent_and_refunded_in_one_round_trip(rf, settings, monkeypatch, frozen_window):
    import os

    from redis.connection import AbstractConnection

    url = os.environ.get("CACHE_URL", "")
    if not url.startswith("redis"):
        pytest.skip("needs a Redis cache: set CACHE_URL=redis://...")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-bulk-{fresh_ip()}",
        }
    }
    from django.core.cache import cache

    settings.VERIFY_RATE_LIMITS = {"verify": 10, "verify-pdf": 10}
    ip = fresh_ip()
    request = rf.get("/", REMOTE_ADDR=ip)
    ratelimit.check_rate(request, "verify")  # loads the script on the server if it is new to it
    sent = []
    original = AbstractConnection.send_packed_command
    monkeypatch.setattr(
        AbstractConnection,
        "send_packed_command",
        lambda self, command, check_health=True: sent.append(1) or original(self, command, check_health),
    )
    ratelimit.spend(request, "verify", 6)
    assert len(sent) == 1
    with pytest.raises(ratelimit.BatchTooMany) as refused:
        ratelimit.spend(request, "verify", 4)
    assert len(sent) == 2  # the refusal and its refund: one round trip too
    assert refused.value.remaining == 3
    client = cache._cache.get_client()
    key = next(k for k in client.keys(f"*ratelimit:verify:{ip}:*"))
    assert int(client.get(key)) == 7
    assert 0 < client.ttl(key) <= ratelimit.KEY_TIMEOUT
    ratelimit.spend(request, "verify", 3)
    assert int(client.get(key)) == 10


@pytest.mark.parametrize(("cap", "per_minute", "shown"), [(500, 30, 30), (20, 30, 20)])
def test_the_form_says_how_many_codes_one_list_can_hold_now(client, settings, cap, per_minute, shown):
    """A list longer than the client's checks a minute is always refused, so the form promises the smaller
    of the two."""
    settings.VERIFY_BULK_MAX_CODES = cap
    settings.VERIFY_RATE_LIMITS = {"verify": per_minute, "verify-pdf": 10}
    html = client.get(URL).content.decode()
    assert f"Up to {shown} codes at once" in html and f"{per_minute} checks a minute" in html
