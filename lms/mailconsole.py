"""The development email backend: Django's console backend, except that attachments are summarised in
one line instead of printed. An issued certificate's email carries its signed PDF, which the plain
console backend writes out as thousands of lines of base64 in the runserver window; people trying the
demo want the message and its links. (Settings: lms/settings/dev.py, EMAIL_BACKEND.)"""

from __future__ import annotations

from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.utils.translation import gettext as _


def _describe(attachment) -> str:
    """(filename, content, mimetype) tuples and MIME parts alike."""
    if isinstance(attachment, tuple):
        filename, content, mimetype = (tuple(attachment) + (None, None, None))[:3]
        size = len(content or b"")
    else:
        filename = attachment.get_filename()
        mimetype = attachment.get_content_type()
        size = len(attachment.get_payload(decode=True) or b"")
    return _("[Attachment not shown: %(name)s, %(type)s, %(size)s bytes]") % {
        "name": filename or _("unnamed"),
        "type": mimetype or "application/octet-stream",
        "size": f"{size:,}",
    }


class EmailBackend(ConsoleBackend):
    def write_message(self, message):
        attachments = list(getattr(message, "attachments", None) or [])
        message.attachments = []
        try:
            msg = message.message()
        finally:
            message.attachments = attachments
        charset = msg.get_charset().get_output_charset() if msg.get_charset() else "utf-8"
        self.stream.write(msg.as_bytes().decode(charset) + "\n")
        for attachment in attachments:
            self.stream.write(_describe(attachment) + "\n")
        self.stream.write("-" * 79)
        self.stream.write("\n")
