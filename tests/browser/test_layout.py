"""Readable on a phone and without JavaScript: widths, stacking, the timeline."""

from __future__ import annotations

import pytest


def test_no_page_scrolls_sideways(survey):
    wide = [f"{v.page} @{v.view}px: {v.overflow}px too wide" for v in survey.visits if v.overflow > 0]
    assert not wide, "\n".join(wide)


def boxes(browser, base: str, width: int, **options) -> list[dict]:
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    page = context.new_page()
    page.goto(base + "positions/")
    found = page.evaluate("""() => [...document.querySelectorAll('div.positions')][0]
        .querySelectorAll('section.side').length ? [...[...document.querySelectorAll('div.positions')][0]
        .querySelectorAll('section.side')].map(e => { const r = e.getBoundingClientRect();
          return {top: r.top, bottom: r.bottom, left: r.left, width: r.width,
                  name: e.querySelector('.side-name').innerText}; }) : []""")
    context.close()
    return found


def test_positions_sit_side_by_side_on_a_desktop_and_stack_on_a_phone(browser, served):
    base, _ = served
    wide, narrow = boxes(browser, base, 1280), boxes(browser, base, 390)
    assert len(wide) == len(narrow) == 2
    assert wide[0]["top"] == wide[1]["top"] and wide[1]["left"] > wide[0]["left"]
    assert narrow[1]["top"] >= narrow[0]["bottom"] and narrow[0]["left"] == narrow[1]["left"]
    assert narrow[0]["width"] > 300  # each side gets the phone's whole width
    assert [b["name"] for b in narrow] == ["Russia", "United States"]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_timeline_is_an_ordered_list_of_dated_events_without_javascript(no_js_page, served):
    base, _ = served
    no_js_page.goto(base + "timeline/")
    events = no_js_page.evaluate("""() => [...document.querySelectorAll('ol.timeline > li.event')].map(li => ({
        when: li.querySelector('.event-date')?.textContent.trim(),
        background: [...li.querySelectorAll('.background-date time[datetime]')].map(t => t.getAttribute('datetime')),
        bare: [...li.querySelectorAll('time')].filter(t => !t.closest('.background-date')).length,
        shown: li.getBoundingClientRect().height > 0}))""")
    # Each event shows its time words; an absolute date appears only marked as background.
    assert len(events) >= 3 and all(e["shown"] and e["when"] for e in events)
    assert all(e["bare"] == 0 and all(d[:4].isdigit() for d in e["background"]) for e in events)
    eras = no_js_page.evaluate("() => [...document.querySelectorAll('ol.timeline')]"
                               ".map(ol => ol.previousElementSibling.tagName)")
    assert len(eras) >= 2 and set(eras) == {"H2"}  # one list per era, each under its heading
