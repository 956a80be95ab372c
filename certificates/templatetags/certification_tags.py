"""Template helpers for the certification pages."""

from django import template

from certificates.eligibility.chart import domain_hours_chart as _chart

register = template.Library()


@register.filter
def domain_hours_chart(eligibility):
    """`{% with bars=eligibility|domain_hours_chart %}`: the bars of the training-hours chart
    (certificates/eligibility/chart.py); empty when the program has no domain hours row."""
    return _chart(eligibility) if eligibility is not None else []
