"""Safe-messaging words, English and Spanish, on word boundaries, case- and accent-insensitive. We prefer
flagging: a post about suicide prevention training is flagged too, and moderators triage it."""

import pytest

from courses.discussion.safety import mentions_crisis


@pytest.mark.parametrize(
    "text",
    [
        "Some days I think about suicide",
        "I felt SUICIDAL last winter",
        "I wanted to kill myself",
        "thinking about  ending my life",
        "I want to end my life",
        "My friend overdosed last week",
        "an overdose scares me",
        "I OD'd twice",
        "I OD’d in 2019",  # a curly apostrophe
        "Tengo miedo de una sobredosis",
        "pensé en el suicidio",
        "pense en el SUICÍDIO",  # accents either way
        "quería quitarme la vida",
        "a veces pienso en suicidarme",
        "We did suicide prevention training today",  # flagged on purpose: moderators triage
    ],
)
def test_flags(text):
    assert mentions_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I moved from Odessa",
        "that is odd",
        "an episode of the show",
        "naloxone training was useful",
        "I killed it at my presentation",
        "the dose was right",
        "la vida es bella",
        "",
    ],
)
def test_does_not_flag(text):
    assert not mentions_crisis(text)


def test_any_of_several_texts():
    assert mentions_crisis("A title", "about an overdose")
    assert not mentions_crisis("A title", "a body")
