from enum import StrEnum


class FeedbackType(StrEnum):
    DELAYED = "delayed"
    EAGER = "eager"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
