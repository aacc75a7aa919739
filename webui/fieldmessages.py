"""Field errors in plain words: what a person should type, never a regex or a parser's jargon.

``plain(error)`` turns one pydantic error into a sentence for the field it names; the
API's 422 answers carry it as ``msg`` (FastAPI's shape is kept: ``loc``, ``msg``,
``type``), and the pages show it next to the field. A validator of ours raises its own
plain sentence (``ValueError``), or ``FieldProblem`` to point at a field inside the
object it checks (a target's ``config.email``).
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

# What a pattern asks for, by the field's name (the regex itself is never shown).
_PATTERNS = {
    "email": "Enter an email address, like name@plant.example.",
    "username": "Use 3 to 32 letters, digits, dots, dashes or underscores (no spaces).",
    "id": "Use up to 64 letters, digits, dots, colons, dashes or underscores.",
    "phone": "Enter a phone number: digits, with an optional leading +.",
}
_DEFAULT_PATTERN = "Remove the line breaks or control characters from this value."
_PREFIXES = ("Value error, ", "Assertion failed, ")


def field_problem(field: str, message: str) -> PydanticCustomError:
    """An error about ``field`` inside the object being validated (raise it in a validator)."""
    return PydanticCustomError("field_problem", "{message}", {"field": field, "message": message})


def _number(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def _expected(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace("'", "")


_SIMPLE = {
    "missing": "This is required.",
    "int_parsing": "Enter a whole number.",
    "int_type": "Enter a whole number.",
    "int_from_float": "Enter a whole number.",
    "float_parsing": "Enter a number.",
    "float_type": "Enter a number.",
    "finite_number": "Enter a number.",
    "bool_parsing": "Choose yes or no.",
    "bool_type": "Choose yes or no.",
    "string_type": "Enter text here.",
    "dict_type": "This must be a set of named values.",
    "list_type": "This must be a list.",
    "model_type": "This must be a set of named values.",
    "model_attributes_type": "This must be a set of named values.",
    "json_invalid": "This is not valid JSON.",
}
# Bounds: the error's type -> (its context key, the sentence).
_BOUNDS = {
    "less_than_equal": ("le", "Enter {} or less."),
    "less_than": ("lt", "Enter less than {}."),
    "greater_than_equal": ("ge", "Enter {} or more."),
    "greater_than": ("gt", "Enter more than {}."),
    "string_too_long": ("max_length", "Use at most {} characters."),
    "too_long": ("max_length", "At most {} entries."),
    "too_short": ("min_length", "At least {} entries."),
}


def plain(error: dict[str, Any]) -> str:
    """The sentence for one error of ``ValidationError.errors()`` (with its ``ctx``)."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind in _BOUNDS:
        key, sentence = _BOUNDS[kind]
        return sentence.format(_number(ctx.get(key)))
    if kind == "string_pattern_mismatch":
        loc = [p for p in error.get("loc", ()) if isinstance(p, str)]
        return _PATTERNS.get(loc[-1] if loc else "", _DEFAULT_PATTERN)
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        return "This is required." if n == 1 else f"Use at least {n} characters."
    if kind in ("literal_error", "enum"):
        return f"Choose one of: {_expected(ctx)}."
    if kind == "field_problem":
        return str(ctx.get("message", error.get("msg", "")))
    msg = str(error.get("msg", ""))
    for prefix in _PREFIXES:
        msg = msg.removeprefix(prefix)
    return msg[:1].upper() + msg[1:] if msg else "This value cannot be used."


def location(error: dict[str, Any]) -> list[Any]:
    """The error's path, extended by the field a ``field_problem`` points at."""
    loc = [p for p in error.get("loc", ()) if p != "__root__"]
    if error.get("type") == "field_problem":
        loc += str((error.get("ctx") or {}).get("field", "")).split(".")
    return [p for p in loc if p != ""]
