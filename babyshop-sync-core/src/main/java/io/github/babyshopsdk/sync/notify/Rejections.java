package io.github.babyshopsdk.sync.notify;

import io.github.babyshopsdk.sync.notify.NotificationRejectedException.Reason;

/** The parser's refusals, worded once. No message repeats the body or a value from it. Not instantiable. */
final class Rejections {
    private Rejections() {
    }

    static NotificationRejectedException tooLarge(int maxBytes) {
        return new NotificationRejectedException(Reason.TOO_LARGE,
                "the notification body is larger than " + maxBytes + " bytes");
    }

    static NotificationRejectedException tooMany(int maxOrderNumbers) {
        return new NotificationRejectedException(Reason.TOO_MANY_ORDER_NUMBERS,
                "the notification names more than " + maxOrderNumbers + " distinct order numbers");
    }

    static NotificationRejectedException unreadable(String why) {
        return new NotificationRejectedException(Reason.UNREADABLE, "the notification body is unreadable: " + why);
    }
}
