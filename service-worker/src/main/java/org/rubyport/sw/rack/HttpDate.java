package org.rubyport.sw.rack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the dates of cookie Expires attributes: "Thu, 01 Jan 1970 00:00:00 GMT" or with dashes. */
final class HttpDate {
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private HttpDate() {
    }

    /** Milliseconds since the epoch, or null when text is not such a date. */
    static Long parse(String text) {
        String s = text.trim();
        int comma = s.indexOf(',');
        if (comma >= 0) {
            s = s.substring(comma + 1).trim();
        }
        s = s.replace('-', ' ');
        String[] parts = words(s);
        if (parts.length != 5 || !parts[4].equalsIgnoreCase("GMT")) {
            return null;
        }
        try {
            int day = Integer.parseInt(parts[0]);
            int monthAt = parts[1].length() == 3 ? MONTHS.indexOf(parts[1].toLowerCase(Locale.ROOT)) : -1;
            int month = monthAt >= 0 && monthAt % 3 == 0 ? monthAt / 3 + 1 : 0;
            int year = Integer.parseInt(parts[2]);
            if (parts[2].length() == 2) {
                year += year < 70 ? 2000 : 1900;
            }
            String[] time = Split.on(parts[3], ':');
            if (month < 1 || day < 1 || day > 31 || time.length != 3) {
                return null;
            }
            int hours = Integer.parseInt(time[0]);
            int minutes = Integer.parseInt(time[1]);
            int seconds = Integer.parseInt(time[2]);
            if (hours > 23 || minutes > 59 || seconds > 60) {
                return null;
            }
            long days = daysFromCivil(year, month, day);
            return ((days * 24 + hours) * 60 + minutes) * 60_000L + seconds * 1000L;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String[] words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long daysFromCivil(long year, int month, int day) {
        year -= month <= 2 ? 1 : 0;
        long era = Math.floorDiv(year, 400);
        long yearOfEra = year - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }
}
