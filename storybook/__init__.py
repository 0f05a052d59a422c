"""The component storybook: every cabinet component browsable with live controls."""
