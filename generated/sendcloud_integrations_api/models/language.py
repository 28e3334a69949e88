from enum import StrEnum
from typing import TYPE_CHECKING

from ..types import report_unknown_enum_value


class Language(StrEnum):
    """Open: a value the spec does not list becomes an unknown Language.

    Known values are the members below. Any other string is kept as a value of this
    type too, equal to its string, and reported once on the ``sendcloud_integrations``
    logger; ``value in list(Language)`` tells a known value from an unknown one.
    """

    DE_DE = "de-de"
    EN_GB = "en-gb"
    EN_US = "en-us"
    ES_ES = "es-es"
    FR_FR = "fr-fr"
    IT_IT = "it-it"
    NL_NL = "nl-nl"

    if TYPE_CHECKING:
        # Open: an unknown value's value is its string, not one of the members' literals
        # (pyright would otherwise type it as the union of those, refusing any other str).
        @property
        def value(self) -> str: ...

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "Language | None":
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        report_unknown_enum_value(cls.__name__, value)
        return unknown
