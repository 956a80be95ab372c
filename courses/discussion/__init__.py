"""A discussion space per course: threads and replies among its enrolled trainees and instructors, with
display names, simple Markdown (no HTML), moderation by the course's instructors, reports, editing
history, posting rate limits and safe messaging (docs/architecture.md)."""
