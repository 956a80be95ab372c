"""Practice activities of a module that carry training hours once recorded (docs/authoring.md, "Practice
activities and honest hours"): a reflection written, a role-play confirmed by its partner, an attendance
confirmed by an instructor of the course."""
