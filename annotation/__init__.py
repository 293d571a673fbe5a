"""Side effects live here: Label Studio round trip and Hugging Face dataset export."""
