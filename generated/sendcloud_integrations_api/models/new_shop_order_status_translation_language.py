from enum import StrEnum


class NewShopOrderStatusTranslationLanguage(StrEnum):
    DE_DE = "de-de"
    EN_GB = "en-gb"
    EN_US = "en-us"
    ES_ES = "es-es"
    FR_FR = "fr-fr"
    IT_IT = "it-it"
    NL_NL = "nl-nl"

    def __str__(self) -> str:
        return str(self.value)
