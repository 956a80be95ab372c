"""The engine as it was before issue 10 (one grouped row per month, per-trainee labels), kept as the
oracle the comparison test checks the aggregated engine against."""
