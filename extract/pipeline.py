"""The sekg spaCy pipeline: blank Chinese with jieba, then the project's components."""
from __future__ import annotations

from functools import lru_cache

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from extract import frames, mentions, sentences, tables  # noqa: F401  (registers the factories)
from extract.resources import lexicon

COMPONENTS = ("sekg_sentences", "sekg_mentions", "sekg_frames", "sekg_tables")


@lru_cache(maxsize=None)
def make_nlp() -> Language:
    """spacy.blank("zh") segmenting with jieba, with lexicon names loaded as user words
    so that tokens do not split known names (拼 / 多多)."""
    jieba.setLogLevel(60)
    for entry in lexicon():
        for name in (entry["zh"], *entry.get("aliases", [])):
            jieba.add_word(name, freq=2000)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    nlp.max_length = 20_000_000  # no parser or NER here: spaCy's memory guard does not apply
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


class TextKeepingTokenizer:
    """The jieba tokenizer, keeping the input text on the doc: `Doc.text` rebuilds it from
    every token on each access, which costs the components as much as segmentation."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        if len(text) > CHUNK:
            # spaCy's Chinese tokenizer aligns words to the text by slicing it once per word
            # (quadratic on long texts): align pieces that end at line breaks, then make one
            # doc of all their words (Doc.from_docs would cost as much as segmenting)
            words: list[str] = []
            spaces: list[bool] = []
            for piece in _pieces(text):
                w, s = get_words_and_spaces([x for x in self.tokenizer.jieba_seg.cut(piece) if x], piece)
                words += w
                spaces += s
            doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)
        else:
            doc = self.tokenizer(text)
        doc.user_data["sekg_text"] = text
        return doc


CHUNK = 20_000


def _pieces(text: str) -> list[str]:
    pieces, start = [], 0
    while start < len(text):
        end = text.find("\n", start + CHUNK)
        end = len(text) if end == -1 else end + 1
        pieces.append(text[start:end])
        start = end
    return pieces
