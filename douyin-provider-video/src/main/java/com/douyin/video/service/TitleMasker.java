package com.douyin.video.service;

import com.github.houbb.sensitive.word.core.SensitiveWordHelper;
import org.springframework.stereotype.Component;

/** Masks sensitive words in titles with '*', using the maintained houbb sensitive-word dictionary. */
@Component
public class TitleMasker {

    public String mask(String title) {
        return SensitiveWordHelper.replace(title);
    }
}
