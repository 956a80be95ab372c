"""Notifications: one in-app row per event a person should know about (hours to decide, a decision,
an application's outcome, a released result, a certificate's issue, suspension, reinstatement,
revocation, a renewal coming due), and its email through the outbox when the person's preference for
that kind allows (lms.notifications.services.notify)."""
