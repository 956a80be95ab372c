"""lms.csvexport.csv_safe: the one formula-injection guard for every CSV people open in a spreadsheet
(cohort report, gradebook, bulk verification)."""

import pytest

from lms.csvexport import csv_safe


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Ana = Valid", "Ana = Valid"),
        ("PRX-7K3M-9QD2-F", "PRX-7K3M-9QD2-F"),
        ("", ""),
        (None, ""),
        (12, "12"),
    ],
)
def test_cells_that_would_start_a_formula_get_an_apostrophe(value, expected):
    assert csv_safe(value) == expected
