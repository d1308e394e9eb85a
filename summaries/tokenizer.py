"""A sumy tokenizer built on briefbot's own sentence splitter: no NLTK data needed."""

from __future__ import annotations

import re

from bot.extract.sentences import split_sentences

_LETTER_WORD = re.compile(r"\b[^\W\d_]+(?:['\-][^\W\d_]+)*\b")
# The same pattern for ASCII text (nearly every sentence): there [^\W\d_] is exactly
# [A-Za-z] and \b sees the same word characters, but a plain character set is cheaper to
# test than Unicode categories.
_ASCII_LETTER_WORD = re.compile(r"\b[A-Za-z]+(?:['\-][A-Za-z]+)*\b", re.ASCII)


class NewsTokenizer:
    """Duck-typed stand-in for `sumy.nlp.tokenizers.Tokenizer("english")`.

    sumy's stock tokenizer loads NLTK punkt data, which briefbot never downloads; sumy only
    calls `to_sentences` and `to_words`, so this object is all its parsers and summarisers need.
    """

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of a paragraph, verbatim (our splitter knows news abbreviations)."""
        return tuple(s.text for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Words made of letters (inner ' or - allowed), as sumy's own tokenizer keeps them.

        Numbers and tokens glued to digits ("1.13bn") are left out, like stock sumy does;
        curly apostrophes become straight ones so "don’t" meets the stop-word list.
        """
        text = sentence.replace("’", "'")
        return tuple((_ASCII_LETTER_WORD if text.isascii() else _LETTER_WORD).findall(text))
