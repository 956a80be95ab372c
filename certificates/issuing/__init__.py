"""Issuing signed certificates, verifying them, their lifecycle and Open Badges export (issue 5).

Modules: codes (certificate numbers), pki (the development CA), signing (PAdES sign/verify with
pyHanko), pdf (WeasyPrint rendering), qr (segno), statuslist (Bitstring Status List), badges (Open
Badges 3.0 VC-JWT), models (applications, certificates, reminders), services/ (writes, one module
per step: applications, pipeline, lifecycle, reminders, bulk), selectors/ (reads: verification,
holders, renewal, credentials); tasks are in certificates.tasks."""
