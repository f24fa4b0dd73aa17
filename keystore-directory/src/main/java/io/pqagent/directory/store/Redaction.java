package io.pqagent.directory.store;

import java.util.regex.Pattern;

/** Store locations as they may appear in messages and logs: any password replaced by {@code ***}. */
final class Redaction {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private Redaction() {
    }

    static String url(String url) {
        String s = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(s).replaceAll("$1***@");
    }
}
