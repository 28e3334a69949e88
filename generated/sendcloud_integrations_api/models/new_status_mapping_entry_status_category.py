from enum import StrEnum


class NewStatusMappingEntryStatusCategory(StrEnum):
    CANCEL = "CANCEL"
    DELIVERED = "DELIVERED"
    IN_TRANSIT = "IN_TRANSIT"
    READY_TO_SEND = "READY_TO_SEND"

    def __str__(self) -> str:
        return str(self.value)
