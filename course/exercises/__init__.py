"""The exercise engine: bank loader and validator, graders, widgets, progress store and i18n."""
