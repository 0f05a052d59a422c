"""How a payload becomes HTML: the component base class and its kwargs check (component.py),
component registration (components_loader.py), the generated include/cotton/slippers entry templates
(entry_templates.py), cotton's lexer fix, the django-components extension and link resolution in payloads."""
