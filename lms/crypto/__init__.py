"""Field encryption with keys of our own (FIELD_ENCRYPTION_KEYS), independent of SECRET_KEY: the key
list (keys.py), the encrypted model fields (fields.py), the old SECRET_KEY-derived scheme kept only to
upgrade existing rows (legacy.py), re-encryption under a new first key (rotation.py) and the start-up
checks that refuse to run with keys that cannot read the data (checks.py). See docs/operations.md,
"Field encryption keys"."""
