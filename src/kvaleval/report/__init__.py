"""Tables and evidence -> files: the appendix workbook, CSV, Markdown, charts."""
