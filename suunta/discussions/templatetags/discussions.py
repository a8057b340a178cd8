from django import template

from suunta.discussions import permissions as discussion_permissions

from ..queries import post_discussions

register = template.Library()


@register.inclusion_tag("discussions/_post_block.html", takes_context=True)
def discussions_of_post(context, post):
    """The post page's block: the discussion records the reader may see."""
    user = context["request"].user
    return {
        "post": post,
        "discussions": post_discussions(post, user),
        "can_create": discussion_permissions.can_create_discussion(user, post),
        "can_templates": discussion_permissions.can_edit_agenda_templates(
            user, post.organisation_id
        ),
        "organisation": post.organisation,
    }
