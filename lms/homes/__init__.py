"""Each role's home: `selectors` reads what a role's section shows, `views.home` is the page."""
