"""Certificate codes: format, randomness, normalisation of what people type, the check character."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certificates.issuing import codes
from lms.errors import Invalid

body = st.text(alphabet=codes.ALPHABET, min_size=codes.RANDOM_LENGTH, max_size=codes.RANDOM_LENGTH)


def test_generated_codes_have_the_format_and_a_valid_check_character():
    seen = set()
    for _ in range(2000):
        code = codes.generate_code()
        assert len(code) == 12
        assert set(code) <= set(codes.ALPHABET)
        assert not set(code) & set("ILOU")
        assert codes.normalize_code(code) == code
        seen.add(code)
    assert len(seen) == 2000  # 32**11 possibilities: collisions would mean a broken generator


def test_display_form_is_grouped():
    assert codes.format_code("PRX7K3M9QD2F") == "PRX-7K3M-9QD2-F"


@given(body)
def test_normalisation_accepts_case_spaces_dashes_and_confusable_letters(raw_body):
    code = raw_body + codes.check_character(raw_body)
    typed = codes.format_code(code).lower().replace("-", " - ")
    typed = typed.replace("0", "o").replace("1", "l")
    assert codes.normalize_code(f"  {typed} ") == code


@given(body, st.integers(min_value=0, max_value=11), st.sampled_from(codes.ALPHABET))
def test_every_single_character_mistake_is_caught(raw_body, position, replacement):
    code = raw_body + codes.check_character(raw_body)
    if code[position] == replacement:
        return
    wrong = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(Invalid) as exc:
        codes.normalize_code(wrong)
    assert exc.value.message == str(codes.ERR_CODE_CHECK)


@given(body, st.integers(min_value=0, max_value=10))
def test_swapping_neighbours_is_almost_always_caught(raw_body, position):
    code = raw_body + codes.check_character(raw_body)
    a, b = code[position], code[position + 1]
    if a == b:
        return
    swapped = code[:position] + b + a + code[position + 2 :]
    # Luhn mod N misses only the swap of the pair whose values sum to N - 1 (like 0 and Z here).
    value = {ch: i for i, ch in enumerate(codes.ALPHABET)}
    if value[a] + value[b] == 31:
        return
    assert not codes.looks_like_code(swapped)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", codes.ERR_CODE_EMPTY),
        ("   ", codes.ERR_CODE_EMPTY),
        ("PRX-7K3M-9QD2", codes.ERR_CODE_LENGTH),
        ("PRX-7K3M-9QD2-FF", codes.ERR_CODE_LENGTH),
        ("PRX-7K3M-9QD2-!", codes.ERR_CODE_CHARACTERS),
        ("PRU-7K3M-9QD2-F", codes.ERR_CODE_CHARACTERS),
        ("<script>", codes.ERR_CODE_CHARACTERS),
    ],
)
def test_malformed_input_gets_a_clear_message(raw, message):
    with pytest.raises(Invalid) as exc:
        codes.normalize_code(raw)
    assert exc.value.message == str(message)
    assert exc.value.field == "code"
