"""The interface's language: which one a request is answered in, the switcher, and emails in the
recipient's language. docs/architecture.md, "Languages"."""

from contextlib import contextmanager
from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst


def language_for(user) -> str:
    """The language to write to `user` in when no request says otherwise (emails, tasks): their saved
    language, else the site's."""
    code = getattr(user, "language", "") or ""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@contextmanager
def override_for(user):
    """Render inside this to address `user` in their language (an email built by a task or a service
    on someone else's request)."""
    with translation.override(language_for(user)):
        yield


def language_names() -> list[tuple[str, str]]:
    """(code, name) for each language, named in itself ("Español" on an English page too): a person
    looking for their language finds it whatever language the page is in."""
    return [
        (code, capfirst(translation.get_language_info(code)["name_local"]))
        for code, _name in settings.LANGUAGES
    ]


def in_recipients_language(recipient):
    """Decorate a function that writes to one person (a notification, an email): it runs in that
    person's language. `recipient(**kwargs)` names them from the function's keyword arguments."""

    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            with override_for(recipient(**kwargs)):
                return func(*args, **kwargs)

        return wrapper

    return decorator
