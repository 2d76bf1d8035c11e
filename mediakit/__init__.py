"""mediakit: who speaks, what they say, in what tone, and who is mentioned."""

__all__: list[str] = []
