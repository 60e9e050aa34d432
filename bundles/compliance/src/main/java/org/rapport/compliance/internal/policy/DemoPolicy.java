package org.rapport.compliance.internal.policy;

import java.util.concurrent.CompletableFuture;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode (framework property {@code rapport.demo=true}) publishes a sample client-data
 * handling policy, in Chinese and English, if none is in force yet — so the dashboard's reminder
 * and the acknowledgements can be tried at once. Does nothing outside demo mode.
 */
@Component
public final class DemoPolicy {
    static final String CODE = "client-data-handling";
    private static final Logger LOG = LoggerFactory.getLogger(DemoPolicy.class);
    private static final String TITLE = "客户数据处理规范 / Client data handling";
    private static final String BODY = """
            1. 仅在工作需要时查看客户资料；查看脱敏信息须说明原因，系统会记录。
            Look at client data only when your work needs it; unmasking a value needs a reason, and it is recorded.

            2. 不得通过短信发送身份证号或银行卡号；系统会拦截此类消息。
            Never send ID or bank card numbers by SMS; the system blocks such messages.

            3. 客户退订后不得再向其发送营销或关怀消息；客户提出删除请求时，由管理员在系统中办理。
            Once a client opts out, send them no more marketing or care messages; requests to erase a client's data are handled by an admin in Rapport.

            4. 导出客户数据须有业务理由，批量导出会触发合规预警。
            Export client data only for a business reason; bulk exports raise a compliance alert.""";

    @Activate
    public DemoPolicy(@Reference Policies policies, BundleContext context) {
        if (!"true".equals(context.getProperty("rapport.demo"))) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                boolean present = !policies.versions(CODE).isEmpty();
                if (!present) {
                    policies.publish(CODE, TITLE, BODY, Principal.SYSTEM);
                    LOG.info("Demo: published the policy '{}'", CODE);
                }
            } catch (RuntimeException e) {
                LOG.warn("Demo: could not publish the sample policy: {}", e.toString());
            }
        });
    }
}
