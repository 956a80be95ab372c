"""CSV written for people to open in a spreadsheet (cohort report, gradebook, bulk verification)."""

# A cell starting with one of these is read by spreadsheets as a formula (or, for tab and carriage
# return, can start one after the program trims it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """The cell as text, with a leading apostrophe when a spreadsheet would otherwise run it as a
    formula (CSV injection): names, codes and reasons people typed are never executed on opening."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in FORMULA_STARTS else value
