"""Every chart of the notebooks, in one style.

Each chart is a function ``plot_<what>(table, *, source=...) -> matplotlib.figure.Figure`` that draws a tidy
table built by the step that owns it (``analysis.corpus_tables``, ``analysis.evaluation``,
``analysis.positions``, ``analysis.framing``). ``save_chart`` writes the figure as PNG and SVG and the table
as CSV beside it, byte for byte the same on every run.

- ``style``: colours (colour always means side), fonts, the matplotlib settings, the shared drawing helpers,
  ``save_chart`` / ``write_csv`` / ``source_note``;
- ``corpus``: notebook 01; ``tagging``: 02; ``positions``: 03; ``framing``: 04; ``classroom``: 05.

The style, once for all charts:
- colour means side, everywhere; stances and frames are never coloured, they are rows, columns or panels;
- the title states the finding, computed from the table ("Russia's voice carries 53% of statements");
- axis labels carry units ("statements", "share of statements (%)");
- a source note under every chart names the corpus.

Example (the notebooks' pattern):
    table = stance_profile_table(statements)            # analysis.positions
    save_chart(plot_stance_profile(table, source=source_note(statements)), table, "03_stance_profile",
               figures_dir=FIGURES, results_dir=RESULTS)
"""
from __future__ import annotations

from .classroom import plot_classroom_agreement
from .corpus import plot_background_groups, plot_statements_per_article
from .framing import (plot_background_stances, plot_blame, plot_frames, plot_framing_cards, plot_quote_mode,
                      plot_voice_share)
from .positions import plot_speaker_stance, plot_stance_profile, plot_stance_timeline, plot_voice_holder
from .style import (SIDE_COLOURS, STYLE, CodebookNames, Preview, SavedChart, preview, save_chart, source_note,
                    tidy_for_csv, write_csv)
from .tagging import evidence_html, highlight_evidence, plot_agreement, plot_attribution_accuracy, plot_tagger_scores

__all__ = [
    "plot_statements_per_article", "plot_background_groups",
    "plot_tagger_scores", "plot_agreement", "plot_attribution_accuracy", "evidence_html", "highlight_evidence",
    "plot_stance_profile", "plot_speaker_stance", "plot_stance_timeline", "plot_voice_holder",
    "plot_voice_share", "plot_quote_mode", "plot_background_stances", "plot_frames", "plot_blame",
    "plot_framing_cards",
    "plot_classroom_agreement",
    "save_chart", "write_csv", "tidy_for_csv", "source_note", "SavedChart", "preview", "Preview", "SIDE_COLOURS", "STYLE",
    "CodebookNames",
]
