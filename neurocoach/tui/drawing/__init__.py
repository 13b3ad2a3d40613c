"""Text pictures: braille canvases, stick figures and trend charts (pure, no Textual)."""
