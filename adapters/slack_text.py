"""Slack message text → the plain text a user typed (Slack's escaping and `<…>` markup undone).

Slack sends `&`, `<` and `>` typed by a user as `&amp;`, `&lt;` and `&gt;`, and turns links,
mentions and dates into `<…>` tokens (docs.slack.dev "Formatting message text": escaping,
linking to URLs, mentioning users, channels and groups, dates). The core must see what the
user read: `quote Smith &amp; Wesson` searches "Smith & Wesson", and a pasted URL reaches
/summary as the URL itself.
"""

from __future__ import annotations

import re

# one <…> token; its body never holds a raw "<" or ">" (Slack escapes those inside it)
_TOKEN = re.compile(r"<([^<>]*)>")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))  # &amp; last: "&amp;lt;" is "&lt;"
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
# special mentions (<!here>, <!channel>, <!everyone>) as Slack shows them
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def unescape(text: str) -> str:
    """Undo Slack's three HTML entities (and nothing else: "&quot;" is what the user typed)."""
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text


def _bare(url: str) -> str:
    """A URL as a label may show it: without scheme, "www." or a trailing slash."""
    bare = _SCHEME.sub("", url).lstrip("/")
    bare = bare.removeprefix("www.")
    return bare.rstrip("/").lower()


def _link(target: str, label: str) -> str:
    """A link token: the URL when the label only shows the URL (a pasted link), else the label."""
    if target.lower().startswith("mailto:"):
        return label or target[len("mailto:") :]
    if not label or _bare(label) == _bare(target) or label == target:
        return target
    return label


def _token(body: str, bot_user: str) -> str:
    """What one `<…>` token reads as; the bot's own mention reads as nothing."""
    target, _, label = body.partition("|")
    target, label = unescape(target), unescape(label)
    if target.startswith("@"):  # <@U123> or the older <@U123|name>
        if bot_user and target[1:] == bot_user:
            return ""
        return f"@{label}" if label else target
    if target.startswith("#"):  # <#C123|general>
        return f"#{label}" if label else target
    if target.startswith("!"):
        kind = target[1:].split("^", 1)[0]
        if kind in _SPECIAL:
            return _SPECIAL[kind]
        if kind == "subteam":  # <!subteam^S123|@editors>
            return label or "@" + target.split("^", 1)[-1]
        return label  # <!date^…|fallback text> and anything newer: its fallback
    return _link(target, label)


def decode(text: str, bot_user: str = "") -> str:
    """Slack message or slash-command text as the user read it.

    `bot_user` is the bot's own user id: a mention of the bot (how an app mention starts)
    is dropped wherever it stands. Other mentions read as `@name` (or `@U…` without a name).
    """
    out: list[str] = []
    last = 0
    for m in _TOKEN.finditer(text):
        out.append(unescape(text[last : m.start()]))
        out.append(_token(m.group(1), bot_user))
        last = m.end()
    out.append(unescape(text[last:]))
    return "".join(out)
