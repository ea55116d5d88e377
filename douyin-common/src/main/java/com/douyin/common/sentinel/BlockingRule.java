package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.authority.AuthorityException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.flow.FlowException;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowException;
import com.alibaba.csp.sentinel.slots.system.SystemBlockException;

/** The kind of Sentinel rule that refused an entry: the {@code rule} tag of {@code sentinel_blocked_total}. */
enum BlockingRule {
    FLOW("flow"),
    PARAM_FLOW("param-flow"),
    DEGRADE("degrade"),
    AUTHORITY("authority"),
    SYSTEM("system"),
    OTHER("other");

    final String tag;

    BlockingRule(String tag) {
        this.tag = tag;
    }

    static BlockingRule of(BlockException refusal) {
        if (refusal instanceof FlowException) {
            return FLOW;
        } else if (refusal instanceof ParamFlowException) {
            return PARAM_FLOW;
        } else if (refusal instanceof DegradeException) {
            return DEGRADE;
        } else if (refusal instanceof AuthorityException) {
            return AUTHORITY;
        } else if (refusal instanceof SystemBlockException) {
            return SYSTEM;
        }
        return OTHER;
    }
}
