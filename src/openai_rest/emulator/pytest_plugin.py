"""pytest plugin: the ``openai_emulator`` fixture (work in progress)."""
