"""The email outbox: messages written with the change they report, delivered at most once each
(lms.outbox.services), by a task queued on commit and a periodic sweep (lms.outbox.tasks)."""
