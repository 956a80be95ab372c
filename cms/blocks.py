"""StreamField blocks shared by content pages and course modules."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: a tip, key information or a safety warning."""

    tone = blocks.ChoiceBlock(
        choices=[("info", _("Key information")), ("tip", _("Tip")), ("warning", _("Safety warning"))],
        default="info",
        label=_("Tone"),
    )
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        label = _("Callout")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo link."))
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        features=RICH_FEATURES,
        help_text=_("For people who cannot play sound."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    description = blocks.CharBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/resource.html"
        label = _("Downloadable resource")


class ReflectionBlock(blocks.StructBlock):
    """A question the learner thinks about privately; nothing is stored or graded."""

    prompt = blocks.TextBlock(label=_("Prompt"))

    class Meta:
        icon = "help"
        template = "blocks/reflection.html"
        label = _("Reflection prompt")


class ScenarioBlock(blocks.StructBlock):
    """A worked scenario: a situation, questions to consider, then a debrief the learner reveals."""

    title = blocks.CharBlock(label=_("Title"))
    situation = blocks.RichTextBlock(label=_("Situation"), features=RICH_FEATURES)
    questions = blocks.RichTextBlock(label=_("Questions to consider"), features=RICH_FEATURES, required=False)
    discussion = blocks.RichTextBlock(label=_("Discussion"), features=RICH_FEATURES)

    class Meta:
        icon = "group"
        template = "blocks/scenario.html"
        label = _("Worked scenario")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_FEATURES, template="blocks/paragraph.html"
    )
    callout = CalloutBlock()
    video = VideoBlock()
    resource = ResourceBlock()
    reflection = ReflectionBlock()
    scenario = ScenarioBlock()
