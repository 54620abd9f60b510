"""A local OpenAI emulator (work in progress)."""
