"""The words that show an amount's role: cues of giving, cutting, costing and measuring, and rates.

archive/corpus/roles.py reads them; they are kept apart so that the rules fit on a screen and the
vocabulary can be read, and added to, in one place.
"""

from __future__ import annotations

import re

# Each cue is a role and the words that show it; the nearest cue to an amount wins.
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "other",
        re.compile(
            r"\b(?:(?:has|have|had|was|were)\s+raised|fund-?rais\w*|war\s+chest|red\s+tape|"
            r"regulatory\s+(?:cost|burden)|compliance\s+costs?)\b",
            re.I,
        ),
    ),
    (
        "cut",
        re.compile(
            r"\b(?:remov(?:e|es|ed|ing|al)|withdr[ae]wn?|withdraw(?:s|ing|al)?|withheld|withhold(?:ing)?|"
            r"cut(?:s|ting)?|reduc(?:e|es|ed|ing|tion)\s+(?:funding|spending|the\s+budget|grants?|by)|"
            r"scrap(?:s|ped|ping)?|slash(?:es|ed|ing)?|ax(?:e|es|ed|ing)|clawed\s+back|saves|savings?|"
            r"underspen[dt]|lost|loses|losing)\b",
            re.I,
        ),
    ),
    (
        "statistic",
        re.compile(
            r"\b(?:trade|trading|exports?|exporting|exported|imports?|importing|imported|GDP|gross\s+domestic|"
            r"economy|turnover|deficits?|re-?paid|repa(?:y|ying|yment)|surplus(?:es)?|debts?|borrowings?|"
            r"(?:tax|taxation|government|company|budget|carbon\s+price)\s+revenues?|wiped|capital\s+expenditure|"
            r"in\s+the\s+(?:[\w-]+\s+){0,2}sector|revenues?\s+(?:of|from|collected|raised|amounting)|"
            r"taxation\s+receipts|(?:is|are|was|were|gets?)\s+paid(?:\s+(?:just\s+)?(?:over|about|around))?\s*$|"
            r"income|incomes|earning|earnings|earns?|salar(?:y|ies)|wages?|"
            r"prices?|priced|inflation|mortgages?|better\s+off|worse\s+off|gross\s+value|value\s+of\s+"
            r"production|output|contributes|collects|generates?|generating|profits?|sales|spend\s+about|"
            r"spends|spent\s+about|premiums|household\s+budgets?|a\s+barrel|per\s+barrel|per\s+tonne|"
            r"net\s+present\s+value|barrel|tonne|litre|(?:per\s+|an\s+|a\s+)?hour|running\s+at|currently|reached|"
            r"record\s+level|grown|grew|rose|fell|worth\s+of\s+goods|minimum\s+wage|gap|shortfall|needed|"
            r"(?:foreign|outbound|inbound|direct|private|overseas|mining|resources|accumulated|global)\s+"
            r"investments?|investors?|stands\s+at|stood\s+at|surge|"
            r"investment\s+(?:here|pipeline)|(?:families|family|households?|workers?|earners?)\s+on|"
            r"source\s+of\s+(?:foreign\s+)?investment|"
            r"projects?\s+worth|approv\w*\s+(?:\w+\s+){0,4}?(?:for|worth)|environmental\s+approvals?|receipts|"
            r"unlock|valuation|assets|wealth|savings\s+pool|superannuation\s+savings|bank\s+deposits|"
            r"two-way|investment\s+abroad|(?:australia|britain|the\s+uk|china|japan|india|america|the\s+us|"
            r"new\s+zealand|canada|indonesia|korea|singapore)(?:'s|’s)\s+(?:total\s+)?investments?|cost\s+(?:the\s+)?(?:economy|families|businesses|households|community|"
            r"taxpayers|consumers|motorists)|destination\s+for|risen|rising|economic\s+(?:gain|benefit|growth|"
            r"activity|output|cost)|GST\s+(?:revenue|receipts|payments)|an\s+average\s+of|on\s+average|average|"
            r"market\s+(?:worth|valued|size)|industry\s+worth)\b",
            re.I,
        ),
    ),
    (
        "cost",
        re.compile(
            r"\b(?:cost(?:s|ing)?|price\s+of|purchased\s+for|bought\s+for|bill\s+(?:of|for)|estimated\s+at|"
            r"project(?:ed)?\s+(?:worth|valued)|valued\s+at|estimated\s+to\s+be\s+worth|tab)\b",
            re.I,
        ),
    ),
    (
        "announced",
        re.compile(
            r"\b(?:announc(?:e|es|ed|ing|ement)|provid(?:e|es|ed|ing)|provision|invest(?:s|ed|ing|ment|ments)?|"
            r"fund(?:s|ed|ing)?|grants?|granted|award(?:s|ed)?|allocat(?:e|es|ed|ing|ion)|"
            r"commit(?:s|ted|ting|ment|ments)?|pledg(?:e|es|ed|ing)|promis(?:e|ed)|receiv(?:e|es|ed|ing)|"
            r"spend(?:ing)?|spent|contribut(?:e|ed|ing|ion|ions)|package|boost|donat(?:e|ed|ion)|give|given|"
            r"giving|gave|paid|pay(?:ing)?|payments?|make\s+available|made\s+available|making|set(?:s)?\s+aside|"
            r"backed|backing|support(?:s|ed|ing)?|assistance|assist|aid|injection|extra|additional|further|"
            r"new|budget(?:ed)?|sets?\s+up|opened|open|plan|programme|program|initiative|scheme|fund|"
            r"strategy|facility|instalment|confirm(?:s|ed)?|deliver(?:s|ed|ing)?|totall?ing|award|expenditure|"
            r"help|enable|towards|cheque|campaign|match(?:es|ed|ing)?\s+(?:\w+\s+)?(?:donations|funding|every|pound|dollar|"
            r"contributions))\b",
            re.I,
        ),
    ),
)
# An amount to each person, thing or period of time: a rate, never a sum to add up.
_RATE_AFTER = re.compile(
    r"^\W{0,3}(?:extra\s+)?(?:(?:a|per|every)\s+(?:year|month|week|fortnight|annum)\s+)?"
    r"(?:(?:for|to|in\s+respect\s+of)\s+)?(?:each|every|per\s+(?:eligible\s+|individual\s+)?(?:person|"
    r"head|child|adult|student|family|"
    r"household|couple|pensioner|participant|site|project|unit|litre|week|fortnight|day|hour|"
    r"month)|an?\s+(?:week|fortnight|day|head|person|child|adult|family|month))\b"
    r"|^\W{0,3}(?:tax[- ]free|if\s+they)\b"
    r"|^\W{0,3}(?:for|to)\s+(?:individuals|families|a\s+(?:family|couple|person))\b",
    re.I,
)
_SMALL_RATE_AFTER = re.compile(
    r"^\W{0,3}(?:extra\s+)?(?:(?:a|per)\s+(?:year|annum|month|week|fortnight)|p\.?a\.?)\b"
    r"|^\W{0,3}grants\b",
    re.I,
)  # "$15,000 grants for small business": each one's size
_RATE_BEFORE = re.compile(
    r"\b(?:up\s+to|maximum\s+of|minimum|rate\s+of|at\s+least)\s+(?:an?\s+)?"
    r"(?:extra\s+|(?:total|maximum)\s+of\s+)?$|\beach\s+(?:\w+\s+){0,2}$",
    re.I,
)
_THRESHOLD = re.compile(
    r"\b(?:less|more)\s+than\s+$|\b(?:income|earning|earnings)\s+(?:\w+\s+){0,2}$", re.I
)
_SMALL = 100_000  # whole units; "grants of up to $25,000" is a rate, "up to $15 million" a sum
_CLAUSE_BREAK = re.compile(r"[;:()\u2022•]|\s[-–—]\s|,\s+(?:while|whereas|but|and\s+the)\b")
_REACH = 90  # characters either side of an amount that its cues are looked for in


# No government announces, cuts or prices a trillion at once: such a figure is the economy's,
# or a slip ("65 per cent ($3,270 billion)" for million). Never money announced.
_IMPLAUSIBLE = 10**12
_TOO_LARGE = "a trillion or more: a figure of the economy, or a slip for millions"
_NO_CUE = "no words of giving, cutting, costing or measuring near it"
_RATE = "a rate"
_STAT_AFTER = re.compile(
    r"^\W*(?:[\w'-]+\s+){0,2}?(?:industry|industries|(?<!to\s)market|sector|better\s+off|"
    r"worse\s+off)\b",
    re.I,
)
_PROJECT_AFTER = re.compile(
    r"^\s+(?:(?!(?:to|for|of|from|in|with|towards|the|a|an)\s)[\w'-]+\s+){0,4}?"
    r"(?:project|projlect|development|port|dam|scheme\s+cost|widening|"
    r"duplication|motorway|highway|bypass|bridge|tunnel|stadium|pipeline)\b"
    r"(?!\s+(?:fund|grants?|programme))",
    re.I,
)
# "will contribute $70 billion per annum to the Australian economy": what the economy gains.
_ECONOMY_AFTER = re.compile(
    r"^\W*(?:[\w'-]+\s+){0,5}?(?:to|into|in|for)\s+the\s+(?:[\w'-]+\s+){0,2}econom(?:y|ies)\b", re.I
)
# A sentence about the economy, a market or a yearly level: an amount with no words of its own in
# it is a figure quoted (roles.py). Chosen on the labelled set: 30 of 46 such amounts are
# statistics, 3 other.
_ECONOMY_SENTENCE = re.compile(
    r"\b(?:econom\w*|GDP|trade|exports?|imports?|revenue|deficits?|debt|prices?|earnings|wages?|"
    r"income|market|industry|sector|investment|worth\s+of|a\s+year|per\s+(?:year|annum|cent)|"
    r"billion)\b",
    re.I,
)
_PURPOSE = re.compile(r"\bto\s+(?:help\s+)?$")
_TOWARDS_COSTS = re.compile(r"\b(?:towards?|with|meet|to|for)\s+the\s+(?:\w+\s+)?costs?$", re.I)
_YEARLY = re.compile(
    r"^\W*(?:[\w'-]+\s+){0,3}?(?:annually|a\s+year|per\s+year|each\s+year|every\s+year)\b", re.I
)
_FROM_LEVEL = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.I)
_SPECIFIC_REACH = (
    35  # characters: a word of cutting, costing or measuring this near outweighs a nearer verb
)


_GIVING_VERB = re.compile(
    r"(?:invest|provid|spen[dt]|commit|allocat|award|grant|pledg|giv|gave|contribut|deliver|"
    r"fund|receiv|announc|donat)\w*$",
    re.I,
)
_CUES_ORDER = {role: n for n, (role, _) in enumerate(_CUES)}
_FUNDING_NOUNS = frozenset(
    {
        "funding",
        "fund",
        "funds",
        "payments",
        "payment",
        "grant",
        "grants",
        "money",
        "for",
        "to",
        "support",
        "assistance",
    }
)
