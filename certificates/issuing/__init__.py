"""Issuing signed certificates, verifying them, their lifecycle and Open Badges export (issue 5).

Modules: codes (certificate numbers), pki (the development CA), signing (PAdES sign/verify with
pyHanko), pdf (WeasyPrint rendering), qr (segno), statuslist (Bitstring Status List), badges (Open
Badges 3.0 VC-JWT), services (writes), selectors (reads), tasks are in certificates.tasks."""
