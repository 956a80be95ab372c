"""The private reflection journal: what a trainee writes under a module's "Pause and reflect" prompts.
Private to its author unless they share one entry with the course's instructors, who may reply."""
