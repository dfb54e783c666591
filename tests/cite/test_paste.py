"""Every value the checker suggests can be pasted into the YAML as printed, and then passes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explainer.cite.anchor import Anchor, Miss, SourceText, anchor, fold
from explainer.cite.paste import MARKER, yaml_line
from conftest import ROOT
from test_check_cli import GOLDEN, check, edit, failures
from test_cite import SOURCES, word_spans

ARTICLE = SourceText("putin-eef-2019", SOURCES["putin-eef-2019"])


def pasted(fix: str, key: str):
    """The value a contributor gets by pasting what follows the marker into a YAML file."""
    assert MARKER in fix, fix
    line = fix.split(MARKER)[-1]
    assert line.startswith(f"{key}: "), line
    return yaml.safe_load(line)[key]


@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_a_yaml_line_reads_back_as_exactly_its_value(value):
    line = yaml_line("quote", value)
    assert "\n" not in line and yaml.safe_load(line) == {"quote": value}


def test_plain_words_stay_plain_and_awkward_ones_are_quoted():
    assert yaml_line("quote", "why waste money") == "quote: why waste money"
    assert yaml_line("quote", "“We will produce") == "quote: “We will produce"
    assert yaml_line("prefix", "said: yes") == 'prefix: "said: yes"'
    assert yaml_line("quote", "2019") == 'quote: "2019"'


def test_a_misspelt_quote_gets_the_passage_without_its_quotation_mark():
    miss = anchor(ARTICLE, "why waste money when we have allready spent it")
    assert isinstance(miss, Miss)
    assert miss.fix == ("copy the words exactly; the closest passage in the source, "
                        "ready to paste: quote: why waste money when we have already spent it")


def test_a_quote_cut_inside_a_word_gets_the_whole_words():
    miss = anchor(ARTICLE, "ident Vladimir Putin said")
    assert isinstance(miss, Miss)
    assert miss.fix == ("quote whole words; the closest passage in the source, "
                        "ready to paste: quote: President Vladimir Putin said")


def test_an_ambiguous_quote_gets_a_prefix_that_picks_the_first():
    quote = "at the Eastern Economic Forum in Vladivostok"
    miss = anchor(ARTICLE, quote)
    assert isinstance(miss, Miss)
    assert miss.fix == ("add a prefix: line with the words just before the one you mean; "
                        "for the first, ready to paste: prefix: a plenary session")
    assert anchor(ARTICLE, quote, prefix=pasted(miss.fix, "prefix")) == anchor(ARTICLE, quote, prefix="plenary session")


def test_a_passage_that_recurs_is_widened_until_it_occurs_once():
    miss = anchor(ARTICLE, "Eastern Economic Forum in Vladivostk")
    assert isinstance(miss, Miss)
    quote = pasted(miss.fix, "quote")
    assert isinstance(anchor(ARTICLE, quote), Anchor) and quote.endswith("Eastern Economic Forum in Vladivostok")


@settings(max_examples=150, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(SOURCES)))
def test_the_hint_for_any_one_letter_typo_anchors_when_pasted(data, name):
    source = SourceText(name, SOURCES[name])
    start, end = data.draw(word_spans(source.text))
    quote = source.text[start:end]
    at = data.draw(st.sampled_from([i for i, c in enumerate(quote) if c.isalpha()]))
    changed = quote[:at] + data.draw(st.sampled_from("xqz")) + quote[at + 1:]
    assume(fold(changed) not in source.folded)
    miss = anchor(source, changed)
    assert isinstance(miss, Miss)
    assert isinstance(anchor(source, pasted(miss.fix, "quote")), Anchor), miss.fix


def paste_into(path: Path, line_no: int, hint: str) -> None:
    """Put `hint`'s YAML line in place of the value starting on line `line_no`, as an editor would.

    The value may run over several lines (a folded `>-` block): those go too.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    old = lines[line_no - 1]
    indent = old[:len(old) - len(old.lstrip())]
    end = line_no
    while end < len(lines) and lines[end].startswith(indent + " "):
        end += 1
    lines[line_no - 1:end] = [indent + hint.split(MARKER)[-1]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_hints_pasted_into_the_files_as_printed_make_check_clean(tmp_path):
    shutil.copytree(GOLDEN, tmp_path / "content")
    quote = tmp_path / "content/quotes/not-deploy-until-us.yml"
    edit(quote, "Americans tested such a missile\n", "Americans tested such a misile\n")  # its words
    edit(quote, "      “We’ve said in public", "      “We’ve sayd in public")  # its citation
    edit(tmp_path / "content/timeline/us-withdrawal.yml", "accusing it of breaking", "accusing it of braking")
    assert failures(tmp_path)[-1] == "3 error(s), 0 warning(s)"
    keys = []
    for _ in range(3):  # each paste moves the lines below it: check again for the next place
        line = next(line for line in failures(tmp_path) if MARKER in line)
        path, number = line.split(":")[:2]
        paste_into(tmp_path / path, int(number), line)
        keys.append(line.split(MARKER)[-1].split(":")[0])
    assert keys == ["words", "quote", "quote"]
    status, out = check(tmp_path)
    assert status == 0 and out[-1].startswith("ok: "), out
    text = quote.read_text(encoding="utf-8")
    assert re.search(r"^words: We’ve said in public already .* such a missile$", text, re.M), text
