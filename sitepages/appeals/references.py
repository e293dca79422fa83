"""Reference codes that donors write on a transfer or a cheque.

Eight characters from an alphabet without the look-alikes 0/O and 1/I: seven
random characters and a check character (a weighted sum modulo the alphabet's
size), so that one mistyped or two swapped characters are detected.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
BODY_LENGTH = 7
LENGTH = BODY_LENGTH + 1
CANDIDATE_RE = re.compile(rf"(?<![0-9A-Z])[{ALPHABET}]{{{LENGTH}}}(?![0-9A-Z])")
# a code written in two halves, "AB3K-7MZQ" or "AB3K 7MZQ", as whole words
HALVES_RE = re.compile(r"(?<![0-9A-Z])([0-9A-Z]{4})[\s-]([0-9A-Z]{4})(?![0-9A-Z])")


def check_character(body: str) -> str:
    total = sum((index + 1) * ALPHABET.index(char) for index, char in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return body + check_character(body)


def normalise(text: str) -> str:
    """Upper-case, without spaces and dashes (donors write ``ab3k-7mzq``)."""
    return re.sub(r"[\s-]", "", (text or "").upper())


def is_valid(code: str) -> bool:
    code = normalise(code)
    return (
        len(code) == LENGTH
        and all(char in ALPHABET for char in code)
        and check_character(code[:-1]) == code[-1]
    )


def find_codes(text: str) -> list[str]:
    """Valid codes written in a bank statement label, in order of appearance."""
    upper = (text or "").upper()
    found = [match for match in CANDIDATE_RE.findall(upper) if is_valid(match)]
    for left, right in HALVES_RE.findall(upper):
        if is_valid(left + right) and left + right not in found:
            found.append(left + right)
    return found
